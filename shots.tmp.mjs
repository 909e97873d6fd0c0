import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4202';
const out = '/tmp/ent-shots';
import { mkdirSync } from 'node:fs';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const which = process.argv[2] ?? 'pages';
for (const width of [390, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  for (const lang of ['sq', 'en']) {
    const p = (path) => (lang === 'sq' ? path : `/en${path}`);
    if (which === 'pages') {
      await page.goto(base + p('/entitlements'));
      await page.screenshot({ path: `${out}/list-${lang}-${width}.png`, fullPage: false });
      await page.goto(base + p('/entitlements/e01'));
      await page.screenshot({ path: `${out}/e01-${lang}-${width}.png`, fullPage: true });
    } else {
      await page.goto(base + p('/entitlements/check'));
      await page.screenshot({ path: `${out}/check-intro-${lang}-${width}.png` });
      await page.getByRole('button', { name: lang === 'sq' ? 'Fillo' : 'Start' }).click();
      let i = 0;
      const plan = JSON.parse(process.argv[3]);
      for (const step of plan) {
        await page.waitForTimeout(100);
        if (step.shot) await page.screenshot({ path: `${out}/q${i}-${lang}-${width}.png` });
        if (step.radio !== undefined) await page.locator('.choice input').nth(step.radio).check();
        if (step.check) for (const c of step.check) await page.locator('.choice input').nth(c).check();
        if (step.select) await page.locator('select').first().selectOption(step.select);
        if (step.year) { await page.locator('#q-year').selectOption(step.year); }
        await page.locator('button[type=submit]').click();
        i++;
      }
      await page.waitForTimeout(200);
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      const seg = width < 500 ? 1400 : 1100;
      for (let y = 0, k = 0; y < Math.min(h, seg * (process.env.SEGS ? Number(process.env.SEGS) : 4)); y += seg, k++)
        await page.screenshot({ path: `${out}/results-${lang}-${width}-${k}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(seg, h - y) } });
      const prep = page.getByRole('button', { name: lang === 'sq' ? 'Përgatitu për të aplikuar' : 'Prepare to apply' });
      await prep.click();
      await page.waitForTimeout(200);
      const h2 = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, k = 0; y < Math.min(h2, 4200); y += 1400, k++)
        await page.screenshot({ path: `${out}/prepare-${lang}-${width}-${k}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1400, h2 - y) } });
    }
  }
  await ctx.close();
}
await browser.close();
