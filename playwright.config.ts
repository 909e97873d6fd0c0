import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their suites side by side.
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

// The app under test gets a fresh embedded database for every run. Its logs go to a file
// there (E2E_SERVER_LOG), which the privacy tests read: no payloads, IPs or user agents.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ura-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
export const SERVER_LOG = join(dataDir, 'server.log');
process.env.E2E_SERVER_LOG = SERVER_LOG;

export default defineConfig({
	testDir: 'tests/e2e',
	// One worker: two cores, and a server shared by all tests.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	outputDir: 'test-results',
	webServer: {
		command: `npm run build && node scripts/serve.js >> '${SERVER_LOG}' 2>&1`,
		url: `${BASE_URL}/healthz`,
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			URA_DATA_DIR: dataDir,
			// Never reach out to PostgreSQL from the shared server; the multi-instance spec
			// starts its own servers on TEST_DATABASE_URL.
			DATABASE_URL: ''
		}
	},
	use: {
		baseURL: BASE_URL,
		browserName: 'chromium',
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	}
});
