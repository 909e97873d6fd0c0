import type { ParamMatcher } from '@sveltejs/kit';

/** An entitlement's short neutral code in a URL: e01 … e99. Never descriptive words. */
export const match: ParamMatcher = (param) => /^e\d{2}$/.test(param);
