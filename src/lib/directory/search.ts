import MiniSearch, { type Query } from 'minisearch';
import { countyBySlugOf, foldName, geo, municipalityBySlug } from '$lib/geo';
import { compareText } from '$lib/i18n/collate';
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
	/** The service's position in the snapshot. */
	id: number;
	name: string;
	org: string;
	located: string;
	area: string;
	description: string;
};

const FIELDS = ['name', 'org', 'located', 'area', 'description'] as const;
const MAIN_FIELDS = ['name', 'org', 'located', 'area'];
const BOOST: Record<(typeof FIELDS)[number] | 'kinds' | 'audiences', number> = {
	name: 3,
	org: 2,
	located: 3,
	area: 1.5,
	kinds: 2,
	audiences: 1.5,
	description: 1
};

/**
 * What a kind or audience adds to a service's score when a typed word names it: the BM25
 * score MiniSearch would give one term in a field of average length (idf × 1.5 with its
 * default k1 = 1.2, b = 0.7, BM25+ delta 0.5), times the field's boost, times how well the
 * word matched (MiniSearch's own weights: exact 1, prefix 0.375, fuzzy 0.45).
 */
const BM25_TF_AT_AVERAGE_LENGTH = 1.5;
const MATCH_WEIGHT = { exact: 1, prefix: 0.375, fuzzy: 0.45 };

/** A kind or audience: which services have it and how rare it is. */
type Facet = { services: number[]; boost: number; idf: number };

/**
 * The services one typed word matches: `scores[i]` for service i (0 = no match) and the
 * matched positions in `hits`. Plain arrays rather than Maps: these are walked and summed
 * on every keystroke, over thousands of services.
 */
type WordScores = { scores: Float64Array; hits: number[] };

function addScore(into: WordScores, i: number, score: number) {
	if (into.scores[i] === 0) into.hits.push(i);
	into.scores[i]! += score;
}

/** How many words' results are kept between keystrokes. */
const WORD_CACHE_SIZE = 32;

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

/**
 * Kinds and audiences are categories, not text. Indexed as text, every synonym a typed prefix
 * matches ("str" → strehëz, strehim, strehë) walked the same long lists of services again,
 * and a category held by thousands of services made MiniSearch build a result object per
 * service per synonym: most of the time per keystroke at 10,000 services. So MiniSearch
 * matches the typed word against the small vocabulary (same prefix and typo rules), and the
 * services holding a matched category are added here from a plain list.
 */
class FacetMatcher {
	private readonly vocab = new MiniSearch<{ id: string; terms: string }>({
		fields: ['terms'],
		storeFields: [],
		processTerm
	});
	readonly facets = new Map<string, Facet>();

	constructor(services: readonly SnapshotService[]) {
		const holders = new Map<string, number[]>();
		const hold = (id: string, i: number) => {
			const list = holders.get(id);
			if (list) list.push(i);
			else holders.set(id, [i]);
		};
		services.forEach((s, i) => {
			for (const k of new Set(s.kinds)) hold(`kind:${k}`, i);
			for (const a of new Set(s.audiences)) hold(`audience:${a}`, i);
		});
		const n = services.length;
		const add = (id: string, terms: string, boost: number) => {
			this.vocab.add({ id, terms });
			const list = holders.get(id) ?? [];
			// BM25 inverse document frequency, as MiniSearch computes it.
			const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
			this.facets.set(id, { services: list, boost, idf });
		};
		for (const [k, terms] of Object.entries(KIND_TERMS)) add(`kind:${k}`, terms, BOOST.kinds);
		for (const [a, terms] of Object.entries(AUDIENCE_TERMS))
			add(`audience:${a}`, terms, BOOST.audiences);
	}

	/** Adds to `scores` what the categories named by one typed word give each service. */
	addMatches(
		word: string,
		folded: string,
		options: { prefix: boolean; fuzzy: number | false },
		into: WordScores
	) {
		for (const r of this.vocab.search(word, options)) {
			const facet = this.facets.get(r.id as string);
			if (!facet) continue;
			const weight = r.terms.includes(folded)
				? MATCH_WEIGHT.exact
				: options.prefix && r.terms.some((t) => t.startsWith(folded))
					? MATCH_WEIGHT.prefix
					: MATCH_WEIGHT.fuzzy;
			const add = facet.boost * weight * facet.idf * BM25_TF_AT_AVERAGE_LENGTH;
			for (const i of facet.services) addScore(into, i, add);
		}
	}
}

export class DirectorySearch {
	private readonly index: MiniSearch<Doc>;
	private readonly facets: FacetMatcher;
	private readonly services: readonly SnapshotService[];
	/** Alphabetical position of each service (by index), for empty queries and ties. */
	private readonly order: Int32Array;
	/** In how many descriptions each (folded) word occurs. */
	private readonly descriptionDf = new Map<string, number>();
	private readonly commonThreshold: number;
	/** Scores per typed word, so a keystroke only searches the word being typed. */
	private readonly wordCache = new Map<string, WordScores>();

	constructor(
		private readonly snapshot: Snapshot,
		private readonly lang: 0 | 1 = 0
	) {
		this.services = snapshot.services;
		this.order = new Int32Array(this.services.length);
		const byName = compareText(lang === 0 ? 'sq' : 'en');
		[...this.services.keys()]
			.sort((a, b) => byName(this.services[a]!.name[lang], this.services[b]!.name[lang]))
			.forEach((serviceIndex, position) => (this.order[serviceIndex] = position));
		this.index = new MiniSearch<Doc>({
			fields: [...FIELDS],
			storeFields: [],
			processTerm
		});
		const docs = this.services.map((s, i) => this.toDoc(s, i));
		this.index.addAll(docs);
		for (const d of docs) {
			const words = new Set(d.description.split(/\s+/).map(processTerm));
			for (const w of words) if (w) this.descriptionDf.set(w, (this.descriptionDf.get(w) ?? 0) + 1);
		}
		// Common = in more than a quarter of the descriptions (and there are enough of them).
		this.commonThreshold = Math.max(20, docs.length / 4);
		this.facets = new FacetMatcher(this.services);
	}

	private toDoc(s: SnapshotService, id: number): Doc {
		const org = this.snapshot.orgs[s.org];
		return {
			id,
			// Both languages: a person may type the English name on the Albanian page.
			name: s.name.join(' '),
			org: org ? org.name.join(' ') : '',
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
	 * The services one typed word matches, with their scores. Names, organisations, places,
	 * kinds and audiences: prefixes from 3 letters (a person is still typing), one typo from
	 * 4 letters, two from 8. Descriptions: whole words only, of 4 letters or more, and only
	 * words that are not in most descriptions — long texts match short prefixes and common
	 * words almost everywhere, which costs the most time per keystroke and adds the least to
	 * the ranking.
	 */
	private wordScores(word: string, folded: string): WordScores {
		const cached = this.wordCache.get(folded);
		if (cached) {
			// Most recently used last, so the oldest is dropped first.
			this.wordCache.delete(folded);
			this.wordCache.set(folded, cached);
			return cached;
		}
		const n = folded.length;
		const options = { prefix: n >= 3, fuzzy: n >= 8 ? 0.25 : n >= 4 ? 0.2 : (false as const) };
		const main: Query = { queries: [word], fields: MAIN_FIELDS, ...options };
		const common = (this.descriptionDf.get(folded) ?? 0) > this.commonThreshold;
		const query: Query =
			n < 4 || common
				? main
				: { combineWith: 'OR', queries: [main, { queries: [word], fields: ['description'] }] };
		const scores: WordScores = { scores: new Float64Array(this.services.length), hits: [] };
		for (const r of this.index.search(query, { boost: BOOST }))
			addScore(scores, r.id as number, r.score);
		this.facets.addMatches(word, folded, options, scores);

		this.wordCache.set(folded, scores);
		if (this.wordCache.size > WORD_CACHE_SIZE) {
			this.wordCache.delete(this.wordCache.keys().next().value!);
		}
		return scores;
	}

	/** Forgets the words searched so far (the benchmark measures every keystroke cold). */
	clearCache() {
		this.wordCache.clear();
	}

	/** Ranked hits for a query and filters. An empty query lists everything that passes. */
	search(query: string, filters: Filters = {}): Hit[] {
		const pass = (i: number) => matchesFilters(this.services[i]!, filters);
		const q = query.trim();
		if (!foldName(q)) {
			return [...this.services.keys()]
				.filter(pass)
				.sort((a, b) => this.order[a]! - this.order[b]!)
				.map((i) => ({ service: this.services[i]!, score: 0 }));
		}
		const typed = q.split(/[\s,.;:!?()"'/-]+/).filter((w) => processTerm(w) !== null);
		// Words under 3 letters next to longer ones are particles ("në", "të", "me") or a word
		// still being typed; as exact terms they match almost nothing, which would turn every
		// AND search into a second, OR search. They count only when nothing else was typed.
		const long = typed.filter((w) => processTerm(w)!.length >= 3);
		const unique = new Map<string, string>();
		for (const w of long.length ? long : typed) unique.set(processTerm(w)!, w);
		const perWord = [...unique].map(([folded, w]) => this.wordScores(w, folded));

		// Every word must match when possible (AND); otherwise the best partial matches (OR).
		// As in MiniSearch, a service's score is the sum over words times how many matched.
		const total = new Float64Array(this.services.length);
		const combine = (all: boolean) => {
			const ranked: number[] = [];
			const smallest = perWord.reduce((a, b) => (b.hits.length < a.hits.length ? b : a));
			for (const word of all ? [smallest] : perWord) {
				for (const i of word.hits) {
					if (total[i] !== 0) continue;
					let score = 0;
					let matched = 0;
					for (const w of perWord) {
						if (w.scores[i] === 0) continue;
						score += w.scores[i]!;
						matched++;
					}
					if ((all && matched < perWord.length) || !pass(i)) continue;
					total[i] = score * matched;
					ranked.push(i);
				}
			}
			return ranked;
		};
		let ranked = combine(true);
		if (!ranked.length && perWord.length > 1) ranked = combine(false);
		ranked.sort((a, b) => total[b]! - total[a]! || this.order[a]! - this.order[b]!);
		return ranked.map((i) => ({ service: this.services[i]!, score: total[i]! }));
	}
}

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
