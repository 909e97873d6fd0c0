/**
 * Closed <details> do not print. Open them for printing and close them again afterwards,
 * so a printed page carries everything that is on screen. Returns a cleanup for onMount.
 */
export function openDetailsWhenPrinting(): () => void {
	const opened: HTMLDetailsElement[] = [];
	const before = () => {
		for (const d of document.querySelectorAll('details')) {
			if (!d.open) {
				d.open = true;
				opened.push(d);
			}
		}
	};
	const after = () => {
		for (const d of opened.splice(0)) d.open = false;
	};
	window.addEventListener('beforeprint', before);
	window.addEventListener('afterprint', after);
	return () => {
		window.removeEventListener('beforeprint', before);
		window.removeEventListener('afterprint', after);
	};
}
