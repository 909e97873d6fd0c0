import { describe, expect, it } from 'vitest';
import { startAutoLock, type AutoLockEnv } from './autolock';

/** A page with a hand-driven clock and timers, and real EventTargets. */
function fakePage() {
	let clock = 0;
	let timers: { at: number; fn: () => void; id: number }[] = [];
	let nextId = 1;
	const win = new EventTarget();
	const doc = Object.assign(new EventTarget(), {
		visibilityState: 'visible' as DocumentVisibilityState
	});
	const env: AutoLockEnv = {
		window: win as unknown as AutoLockEnv['window'],
		document: doc as unknown as AutoLockEnv['document'],
		now: () => clock,
		setTimer: (fn, ms) => {
			const id = nextId++;
			timers.push({ at: clock + ms, fn, id });
			return id;
		},
		clearTimer: (id) => {
			timers = timers.filter((t) => t.id !== id);
		}
	};
	return {
		env,
		advance(ms: number) {
			const until = clock + ms;
			for (;;) {
				const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
				if (!due) break;
				timers = timers.filter((t) => t !== due);
				clock = due.at;
				due.fn();
			}
			clock = until;
		},
		act: () => win.dispatchEvent(new Event('keydown')),
		hide() {
			doc.visibilityState = 'hidden';
			doc.dispatchEvent(new Event('visibilitychange'));
		},
		show() {
			doc.visibilityState = 'visible';
			doc.dispatchEvent(new Event('visibilitychange'));
		},
		leave: () => win.dispatchEvent(new Event('pagehide')),
		pending: () => timers.length
	};
}

describe('auto-lock', () => {
	it('locks after the idle time without use, and activity pushes it back', () => {
		const page = fakePage();
		let locked = 0;
		startAutoLock(() => locked++, page.env, 1000, 500);
		page.advance(900);
		page.act();
		page.advance(900);
		expect(locked).toBe(0);
		page.advance(200);
		expect(locked).toBe(1);
	});

	it('locks when the page stays hidden for a while, not for a glance away', () => {
		const page = fakePage();
		let locked = 0;
		startAutoLock(() => locked++, page.env, 10_000, 500);
		page.hide();
		page.advance(300);
		page.show();
		page.advance(300);
		expect(locked).toBe(0);
		page.hide();
		page.advance(500);
		expect(locked).toBe(1);
	});

	it('locks on return when a throttled background timer never fired', () => {
		const page = fakePage();
		let locked = 0;
		const env = { ...page.env, setTimer: () => 0, clearTimer: () => {} };
		let clock = 0;
		env.now = () => clock;
		startAutoLock(() => locked++, env, 10_000, 500);
		page.hide();
		clock = 5000;
		page.show();
		expect(locked).toBe(1);
	});

	it('locks when the page is left, once, and stops listening', () => {
		const page = fakePage();
		const causes: string[] = [];
		startAutoLock((cause) => causes.push(cause), page.env, 1000, 500);
		page.leave();
		page.leave();
		page.advance(5000);
		expect(causes).toEqual(['pagehide']);
		expect(page.pending()).toBe(0);
	});

	it('arms the hidden timer when watching starts on a page that is already hidden', () => {
		// An unlock that finished while the person had switched away (L1).
		const page = fakePage();
		page.hide();
		const causes: string[] = [];
		startAutoLock((cause) => causes.push(cause), page.env, 10_000, 500);
		page.advance(499);
		expect(causes).toEqual([]);
		page.advance(1);
		expect(causes).toEqual(['hidden']);
	});

	it('says why it locked: idle or hidden', () => {
		const idle = fakePage();
		const causes: string[] = [];
		startAutoLock((cause) => causes.push(cause), idle.env, 1000, 500);
		idle.advance(1000);
		const hidden = fakePage();
		startAutoLock((cause) => causes.push(cause), hidden.env, 10_000, 500);
		hidden.hide();
		hidden.advance(500);
		expect(causes).toEqual(['idle', 'hidden']);
	});

	it('does nothing after stop', () => {
		const page = fakePage();
		let locked = 0;
		const stop = startAutoLock(() => locked++, page.env, 1000, 500);
		stop();
		page.advance(5000);
		page.leave();
		expect(locked).toBe(0);
	});
});
