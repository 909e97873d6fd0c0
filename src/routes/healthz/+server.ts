import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** For load balancers: says whether this instance can reach its database. Nothing else. */
export const GET: RequestHandler = async () => {
	const headers = { 'cache-control': 'no-store' };
	try {
		await db().execute(sql`select 1`);
		return json({ status: 'ok' }, { headers });
	} catch {
		return json({ status: 'unavailable' }, { status: 503, headers });
	}
};
