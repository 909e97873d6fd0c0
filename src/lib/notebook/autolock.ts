/**
 * When an unlocked notebook locks itself: after a while without use, when the page has been
 * hidden for a while (another app, the phone locked), and when the page is left (pagehide,
 * so a page restored from the back/forward cache is locked too). Quick exit locks through
 * onQuickExit (session.svelte.ts).
 */
export const IDLE_LOCK_MS = 5 * 60_000;
export const HIDDEN_LOCK_MS = 60_000;

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Why the notebook locked itself: on `pagehide` the page is being left (no reload then). */
export type AutoLockCause = 'idle' | 'hidden' | 'pagehide';

export type AutoLockEnv = {
	window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
	document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
	now?: () => number;
	setTimer?: (fn: () => void, ms: number) => unknown;
	clearTimer?: (handle: unknown) => void;
};

/**
 * Starts watching; calls `lock` once when a condition is met. Returns a stop function.
 * A page that is already hidden when watching starts (an unlock that finished in the
 * background) counts as hidden from now.
 */
export function startAutoLock(
	lock: (cause: AutoLockCause) => void,
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

	const fire = (cause: AutoLockCause) => {
		if (stopped) return;
		stop();
		lock(cause);
	};
	const onPageHide = () => fire('pagehide');
	const armHidden = () => {
		hiddenSince = now();
		clearTimer(hiddenTimer);
		hiddenTimer = setTimer(() => fire('hidden'), hiddenMs);
	};
	const armIdle = () => {
		clearTimer(idleTimer);
		idleTimer = setTimer(
			() => {
				// Timers in background tabs run late; trust the clock, not the timer.
				if (now() - lastActivity >= idleMs) fire('idle');
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
			armHidden();
			return;
		}
		clearTimer(hiddenTimer);
		const wasHiddenFor = hiddenSince === undefined ? 0 : now() - hiddenSince;
		hiddenSince = undefined;
		if (wasHiddenFor >= hiddenMs) fire('hidden');
		else if (now() - lastActivity >= idleMs) fire('idle');
	};

	for (const type of ACTIVITY) env.window.addEventListener(type, onActivity, { passive: true });
	env.window.addEventListener('pagehide', onPageHide);
	env.document.addEventListener('visibilitychange', onVisibility);
	armIdle();
	if (env.document.visibilityState === 'hidden') armHidden();

	function stop() {
		if (stopped) return;
		stopped = true;
		clearTimer(idleTimer);
		clearTimer(hiddenTimer);
		for (const type of ACTIVITY) env.window.removeEventListener(type, onActivity);
		env.window.removeEventListener('pagehide', onPageHide);
		env.document.removeEventListener('visibilitychange', onVisibility);
	}
	return stop;
}
