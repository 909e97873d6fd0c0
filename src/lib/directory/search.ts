import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { countyBySlugOf, foldName, geo, municipalityBySlug } from '$lib/geo';
import type { Snapshot, SnapshotService } from './snapshot';
import { AUDIENCE_TERMS, KIND_TERMS, type Audience, type Kind } from './vocab';

/**
 * Directory search on the device. It works on the snapshot already in memory: typing never
 * makes a request. MiniSearch gives prefix and small-typo matching and BM25 ranking; every
 * term (indexed or typed) is folded with foldName, so `kukes` = `Kukës`, `c` = `ç`, `e` = `ë`.
 */
export type Filters = {
	audiences?: Audience[];
	kinds?: Kind[];
	/** Age of the person: keeps services whose age range (if any) includes it. */
	age?: number;
	language?: string;
	freeOnly?: boolean;
};

export type Hit = { service: SnapshotService; score: number };

type Doc = {
	id: string;
	name: string;
	org: string;
	kinds: string;
	audiences: string;
	located: string;
	area: string;
	description: string;
};

const FIELDS = ['name', 'org', 'kinds', 'audiences', 'located', 'area', 'description'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = {
	name: 3,
	org: 2,
	located: 3,
	area: 1.5,
	kinds: 2,
	audiences: 1.5,
	description: 1
};

/** Every spelling of a municipality people might type, and its county's. */
function placeWords(slug: string): string {
	const m = municipalityBySlug(slug);
	if (!m) return '';
	const county = countyBySlugOf(m.county);
	return [
		m.name_sq,
		m.definite_sq,
		m.name_en,
		m.ascii,
		...m.aliases,
		m.seat ?? '',
		county?.name_sq ?? ''
	].join(' ');
}

function areaWords(area: string): string {
	if (area === 'national') return 'Shqipëri Shqipëria Albania kombëtare national';
	if (area === 'all') return '';
	const [level, slug] = area.split(':') as [string, string];
	if (level === 'municipality') return placeWords(slug);
	const county = countyBySlugOf(slug);
	if (!county) return '';
	return [
		county.name_sq,
		county.qark_sq,
		county.name_en,
		...geo.municipalities.filter((m) => m.county === slug).map((m) => placeWords(m.slug))
	].join(' ');
}

function processTerm(term: string): string | null {
	const folded = foldName(term);
	return folded.length ? folded : null;
}

export class DirectorySearch {
	private readonly index: MiniSearch<Doc>;
	private readonly byId: Map<string, SnapshotService>;
	private readonly order: Map<string, number>;
	/** In how many descriptions each (folded) word occurs. */
	private readonly descriptionDf = new Map<string, number>();
	private readonly commonThreshold: number;

	constructor(
		private readonly snapshot: Snapshot,
		private readonly lang: 0 | 1 = 0
	) {
		this.byId = new Map(snapshot.services.map((s) => [s.id, s]));
		this.order = new Map(
			[...snapshot.services]
				.sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang === 0 ? 'sq' : 'en'))
				.map((s, i) => [s.id, i])
		);
		this.index = new MiniSearch<Doc>({
			fields: [...FIELDS],
			storeFields: [],
			processTerm
		});
		const docs = snapshot.services.map((s) => this.toDoc(s));
		this.index.addAll(docs);
		for (const d of docs) {
			const words = new Set(d.description.split(/\s+/).map(processTerm));
			for (const w of words) if (w) this.descriptionDf.set(w, (this.descriptionDf.get(w) ?? 0) + 1);
		}
		// Common = in more than a quarter of the descriptions (and there are enough of them).
		this.commonThreshold = Math.max(20, docs.length / 4);
	}

	private toDoc(s: SnapshotService): Doc {
		const org = this.snapshot.orgs[s.org];
		return {
			id: s.id,
			// Both languages: a person may type the English name on the Albanian page.
			name: s.name.join(' '),
			org: org ? org.name.join(' ') : '',
			kinds: s.kinds.map((k) => KIND_TERMS[k]).join(' '),
			audiences: s.audiences.map((a) => AUDIENCE_TERMS[a]).join(' '),
			located: (s.at ?? []).map(placeWords).join(' '),
			// A service for every municipality matches every place name; that is true.
			area:
				s.areas?.[0] === 'all'
					? geo.municipalities.map((m) => placeWords(m.slug)).join(' ')
					: (s.areas ?? []).map(areaWords).join(' '),
			description: s.description.join(' ')
		};
	}

	/**
	 * One sub-query per word. Names, organisations, places and kinds: prefixes from 3 letters
	 * (a person is still typing), one typo from 4 letters, two from 8. Descriptions: whole
	 * words only, of 4 letters or more, and only words that are not in most descriptions —
	 * long texts match short prefixes and common words almost everywhere, which costs the
	 * most time per keystroke and adds the least to the ranking.
	 */
	private query(q: string, combineWith: 'AND' | 'OR'): Query {
		const all = q.split(/[\s,.;:!?()"'/-]+/).filter((w) => processTerm(w) !== null);
		// Words under 3 letters next to longer ones are particles ("në", "të", "me") or a word
		// still being typed; as exact terms they match almost nothing, which would turn every
		// AND query into a second, OR search. They count only when nothing else was typed.
		const long = all.filter((w) => processTerm(w)!.length >= 3);
		const words = long.length ? long : all;
		return {
			combineWith,
			queries: words.map((w): Query => {
				const n = processTerm(w)!.length;
				const main: Query = {
					queries: [w],
					fields: MAIN_FIELDS,
					prefix: n >= 3,
					fuzzy: n >= 8 ? 0.25 : n >= 4 ? 0.2 : false
				};
				const folded = processTerm(w)!;
				const common = (this.descriptionDf.get(folded) ?? 0) > this.commonThreshold;
				if (n < 4 || common) return main;
				return {
					combineWith: 'OR',
					queries: [main, { queries: [w], fields: ['description'] }]
				};
			})
		};
	}

	/** Ranked hits for a query and filters. An empty query lists everything that passes. */
	search(query: string, filters: Filters = {}): Hit[] {
		const pass = (s: SnapshotService) => matchesFilters(s, filters);
		const q = query.trim();
		if (!foldName(q)) {
			return this.snapshot.services
				.filter(pass)
				.sort((a, b) => this.order.get(a.id)! - this.order.get(b.id)!)
				.map((service) => ({ service, score: 0 }));
		}
		const filtered = Object.values(filters).some((v) => v !== undefined && v !== false);
		const filter = filtered
			? (r: SearchResult) => {
					const s = this.byId.get(r.id as string);
					return !!s && pass(s);
				}
			: undefined;
		let results = this.index.search(this.query(q, 'AND'), { boost: BOOST, filter });
		// Every word must match when possible; otherwise the best partial matches.
		if (!results.length) results = this.index.search(this.query(q, 'OR'), { boost: BOOST, filter });
		return results.map((r) => ({ service: this.byId.get(r.id as string)!, score: r.score }));
	}
}

const MAIN_FIELDS = ['name', 'org', 'located', 'area', 'kinds', 'audiences'];

export function matchesFilters(s: SnapshotService, f: Filters): boolean {
	if (f.audiences?.length && !f.audiences.some((a) => s.audiences.includes(a))) return false;
	if (f.kinds?.length && !f.kinds.some((k) => s.kinds.includes(k))) return false;
	if (f.age !== undefined) {
		if (s.minAge !== undefined && f.age < s.minAge) return false;
		if (s.maxAge !== undefined && f.age > s.maxAge) return false;
	}
	if (f.language && !(s.languages ?? []).includes(f.language)) return false;
	if (f.freeOnly && s.free !== true) return false;
	return true;
}
