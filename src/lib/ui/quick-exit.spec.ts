import { describe, expect, it, vi } from 'vitest';
import { escapeTwiceWatcher, onQuickExit, quickExit } from './quick-exit';

describe('quick exit', () => {
	it('runs every registered cleanup, then replaces the location', () => {
		const order: string[] = [];
		const off = onQuickExit(() => order.push('lock notebook'));
		onQuickExit(() => {
			throw new Error('a broken cleanup must not stop the exit');
		});
		quickExit('https://example.org/weather', {
			replace: (url: string | URL) => order.push(`replace ${String(url)}`)
		});
		expect(order).toEqual(['lock notebook', 'replace https://example.org/weather']);
		off();
	});

	it('leaves on Escape pressed twice within a second, not on one press or slow presses', () => {
		let clock = 0;
		const exit = vi.fn();
		const onKey = escapeTwiceWatcher(exit, () => clock);
		onKey({ key: 'Escape', repeat: false });
		expect(exit).not.toHaveBeenCalled();
		clock = 1500;
		onKey({ key: 'Escape', repeat: false });
		expect(exit).not.toHaveBeenCalled();
		clock = 1900;
		onKey({ key: 'Escape', repeat: false });
		expect(exit).toHaveBeenCalledTimes(1);
	});

	it('counts only two presses in a row, and ignores auto-repeat', () => {
		const exit = vi.fn();
		const onKey = escapeTwiceWatcher(exit, () => 0);
		onKey({ key: 'Escape', repeat: false });
		onKey({ key: 'Escape', repeat: true });
		onKey({ key: 'Enter', repeat: false });
		onKey({ key: 'Escape', repeat: false });
		expect(exit).not.toHaveBeenCalled();
		onKey({ key: 'Escape', repeat: false });
		expect(exit).toHaveBeenCalledTimes(1);
	});
});
