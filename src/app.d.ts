// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/i18n/langs';

declare global {
	/** The release public key pinned at build time (vite.config.ts); '' when unsigned. */
	const __URA_RELEASE_PUBLIC_KEY__: string;

	namespace App {
		interface Error {
			message: string;
			/** A stable code the UI can translate; never a stack trace. */
			code?: string;
		}
		interface Locals {
			lang: Lang;
			/** Set by handleError when the database could not be reached: answer 503, not 500. */
			databaseUnavailable?: boolean;
		}
		interface PageData {
			lang: Lang;
		}
	}
}

export {};
