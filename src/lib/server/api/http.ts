/**
 * JSON API conventions, shared by every endpoint: errors are
 * `{ error: { code, message, field } }` with a 4xx status and never a stack trace; bodies are
 * read with a size limit and validated by a zod schema; nothing is cached.
 */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';

export const NO_STORE = { 'cache-control': 'no-store' } as const;

export type ApiErrorCode =
	| 'invalid_json'
	| 'invalid'
	| 'unsupported_media_type'
	| 'too_large'
	| 'not_found'
	| 'rate_limited'
	| 'conflict'
	| 'unavailable'
	| 'method_not_allowed'
	| 'internal'
	| 'cross_site'
	| 'unauthorized'
	| 'forbidden';

export function apiError(
	status: number,
	code: ApiErrorCode,
	message: string,
	field: string | null = null,
	headers: Record<string, string> = {}
): Response {
	return json(
		{ error: { code, message, field } },
		{ status, headers: { ...NO_STORE, ...headers } }
	);
}

/** The first zod issue as an API error naming its field (e.g. "expiresInDays"). */
export function validationError(error: z.ZodError): Response {
	const issue = error.issues[0];
	const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : null;
	return apiError(400, 'invalid', issue?.message ?? 'Invalid request', field);
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads a JSON body of at most `maxBytes` and validates it. */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S,
	maxBytes: number
): Promise<Parsed<z.infer<S>>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json(\s*;|$)/i.test(type)) {
		return {
			ok: false,
			response: apiError(415, 'unsupported_media_type', 'Send application/json', null)
		};
	}
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > maxBytes) {
		return { ok: false, response: apiError(413, 'too_large', `At most ${maxBytes} bytes`, null) };
	}
	let text: string;
	try {
		text = await request.text();
	} catch {
		return { ok: false, response: apiError(413, 'too_large', `At most ${maxBytes} bytes`, null) };
	}
	if (new TextEncoder().encode(text).length > maxBytes) {
		return { ok: false, response: apiError(413, 'too_large', `At most ${maxBytes} bytes`, null) };
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return {
			ok: false,
			response: apiError(400, 'invalid_json', 'The body is not valid JSON', null)
		};
	}
	const parsed = schema.safeParse(body);
	return parsed.success
		? { ok: true, data: parsed.data }
		: { ok: false, response: validationError(parsed.error) };
}

/** Validates route parameters; a bad one is a 400 naming the parameter. */
export function readParams<S extends z.ZodType>(params: unknown, schema: S): Parsed<z.infer<S>> {
	const parsed = schema.safeParse(params);
	return parsed.success
		? { ok: true, data: parsed.data }
		: { ok: false, response: validationError(parsed.error) };
}
