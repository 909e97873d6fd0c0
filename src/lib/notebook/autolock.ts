/**
 * When an unlocked notebook locks itself: after a while without use, when the page has been
 * hidden for a while (another app, the phone locked), and when the page is left (pagehide,
 * so a page restored from the back/forward cache is locked too). Quick exit locks through
 * onQuickExit (session.svelte.ts).
 */
export const IDLE_LOCK_MS = 5 * 60_000;
export const HIDDEN_LOCK_MS = 60_000;

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export type AutoLockEnv = {
	window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
	document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
	now?: () => number;
	setTimer?: (fn: () => void, ms: number) => unknown;
	clearTimer?: (handle: unknown) => void;
};

/** Starts watching; calls `lock` once when a condition is met. Returns a stop function. */
export function startAutoLock(
	lock: () => void,
	env: AutoLockEnv,
	idleMs = IDLE_LOCK_MS,
	hiddenMs = HIDDEN_LOCK_MS
): () => void {
	const now = env.now ?? (() => Date.now());
	const setTimer = env.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
	const clearTimer = env.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
	let lastActivity = now();
	let hiddenSince: number | undefined;
	let idleTimer: unknown;
	let hiddenTimer: unknown;
	let stopped = false;

	const fire = () => {
		if (stopped) return;
		stop();
		lock();
	};
	const armIdle = () => {
		clearTimer(idleTimer);
		idleTimer = setTimer(
			() => {
				// Timers in background tabs run late; trust the clock, not the timer.
				if (now() - lastActivity >= idleMs) fire();
				else armIdle();
			},
			Math.max(0, idleMs - (now() - lastActivity))
		);
	};
	const onActivity = () => {
		lastActivity = now();
	};
	const onVisibility = () => {
		if (env.document.visibilityState === 'hidden') {
			hiddenSince = now();
			clearTimer(hiddenTimer);
			hiddenTimer = setTimer(fire, hiddenMs);
			return;
		}
		clearTimer(hiddenTimer);
		const wasHiddenFor = hiddenSince === undefined ? 0 : now() - hiddenSince;
		hiddenSince = undefined;
		if (wasHiddenFor >= hiddenMs || now() - lastActivity >= idleMs) fire();
	};

	for (const type of ACTIVITY) env.window.addEventListener(type, onActivity, { passive: true });
	env.window.addEventListener('pagehide', fire);
	env.document.addEventListener('visibilitychange', onVisibility);
	armIdle();

	function stop() {
		if (stopped) return;
		stopped = true;
		clearTimer(idleTimer);
		clearTimer(hiddenTimer);
		for (const type of ACTIVITY) env.window.removeEventListener(type, onActivity);
		env.window.removeEventListener('pagehide', fire);
		env.document.removeEventListener('visibilitychange', onVisibility);
	}
	return stop;
}
