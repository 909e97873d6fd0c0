/**
 * Rate limits for the endpoints anyone can call (help requests, the reply mailbox, sign-in,
 * shares). Fixed windows, counted in the database so that several instances share them.
 *
 * The key is HMAC-SHA-256(daily secret, bucket ‖ address), cut to 16 bytes. The secret is 32
 * random bytes per UTC day, stored in the database (every instance uses the same one) and
 * deleted after two days, so yesterday's counters cannot be linked to today's, and a leaked
 * table cannot be turned back into addresses by trying all 2³² IPv4 addresses. The raw
 * address is never stored or logged. Behind a proxy, ADDRESS_HEADER names the header that
 * carries it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { lt, sql } from 'drizzle-orm';
import { appConfig, type RateLimitBucket } from '../config';
import { db as appDb, type Database } from '../db';
import { queryRows } from '../db/client';
import { rateLimitCounters, rateLimitSecrets } from '../db/schema';
import { apiError } from './http';

export type { RateLimitBucket } from '../config';

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const DAY_MS = 86_400_000;

function utcDay(now: Date): string {
	return now.toISOString().slice(0, 10);
}

const secretCache = new WeakMap<Database, { day: string; secret: Buffer }>();

/** Today's secret: made by whichever instance asks first, then shared by all. */
export async function dailySecret(db: Database, now = new Date()): Promise<Buffer> {
	const day = utcDay(now);
	const cached = secretCache.get(db);
	if (cached?.day === day) return cached.secret;
	await db
		.insert(rateLimitSecrets)
		.values({ day, secret: new Uint8Array(randomBytes(32)) })
		.onConflictDoNothing();
	const [row] = await queryRows<{ secret: Uint8Array }>(
		db,
		sql`select secret from rate_limit_secrets where day = ${day}`
	);
	const secret = Buffer.from(row!.secret);
	secretCache.set(db, { day, secret });
	return secret;
}

export function addressKey(secret: Uint8Array, bucket: string, address: string): Uint8Array {
	const mac = createHmac('sha256', secret).update(`${bucket}\n${address}`).digest();
	return new Uint8Array(mac.subarray(0, 16));
}

/** Counts one request of `address` in `bucket`; says whether it is within `max` per window. */
export async function countRequest(
	db: Database,
	bucket: RateLimitBucket,
	address: string,
	limit: { max: number; windowSeconds: number },
	now = new Date()
): Promise<RateLimitDecision> {
	if (limit.max === 0) return { allowed: true };
	const windowMs = limit.windowSeconds * 1000;
	const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
	const keyHash = addressKey(await dailySecret(db, now), bucket, address);
	const [row] = await db
		.insert(rateLimitCounters)
		.values({ bucket, keyHash, windowStart, count: 1 })
		.onConflictDoUpdate({
			target: [rateLimitCounters.bucket, rateLimitCounters.keyHash, rateLimitCounters.windowStart],
			set: { count: sql`${rateLimitCounters.count} + 1` }
		})
		.returning({ count: rateLimitCounters.count });
	if ((row?.count ?? 0) <= limit.max) return { allowed: true };
	const retryAfterSeconds = Math.max(
		1,
		Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)
	);
	return { allowed: false, retryAfterSeconds };
}

function clientAddress(event: Pick<RequestEvent, 'request' | 'getClientAddress'>): string {
	const header = appConfig().addressHeader;
	if (header) {
		const value = event.request.headers.get(header);
		if (value) return value.split(',')[0]!.trim();
	}
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

export async function checkRateLimit(
	event: Pick<RequestEvent, 'request' | 'getClientAddress'>,
	bucket: RateLimitBucket
): Promise<RateLimitDecision> {
	const limits = appConfig().rateLimits;
	if (limits === 'off') return { allowed: true };
	return countRequest(appDb(), bucket, clientAddress(event), limits[bucket]);
}

/** The 429 answer, or null when the request may go on. */
export async function rateLimited(
	event: Pick<RequestEvent, 'request' | 'getClientAddress'>,
	bucket: RateLimitBucket
): Promise<Response | null> {
	const decision = await checkRateLimit(event, bucket);
	if (decision.allowed) return null;
	return apiError(
		429,
		'rate_limited',
		`Too many requests from this network. Try again in ${decision.retryAfterSeconds} seconds.`,
		null,
		{ 'retry-after': String(decision.retryAfterSeconds) }
	);
}

/** Old counters and secrets (registered with the retention runner). */
export async function purgeRateLimits(db: Database, now = new Date()): Promise<number> {
	const counters = await db
		.delete(rateLimitCounters)
		.where(lt(rateLimitCounters.windowStart, new Date(now.getTime() - DAY_MS)))
		.returning({ n: rateLimitCounters.count });
	const secrets = await db
		.delete(rateLimitSecrets)
		.where(lt(rateLimitSecrets.day, utcDay(new Date(now.getTime() - DAY_MS))))
		.returning({ day: rateLimitSecrets.day });
	return counters.length + secrets.length;
}
