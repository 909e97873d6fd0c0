import { z } from 'zod';

const slug = z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'lowercase ASCII words joined by hyphens');
const citation = z
	.string()
	.regex(/^\d{3}_[0-9a-f]{16}\.txt:L\d+(-L\d+)?$/, 'FILE:Ln or FILE:Ln-Lm');

export const CountySchema = z.object({
	slug,
	name_sq: z.string().min(1),
	/** The form after "në" ("in"): the indefinite name, "në Gjirokastër", "në Tiranë". */
	in_sq: z.string().min(1),
	qark_sq: z.string().startsWith('Qarku i '),
	name_en: z.string().endsWith(' County'),
	seat_municipality: slug,
	seat_town_sq: z.string().min(1).optional()
});

export const MunicipalitySchema = z.object({
	slug,
	/** Official (indefinite) Albanian name, with diacritics: "Kukës". */
	name_sq: z.string().min(1),
	/** Definite form, common in speech and in the sources: "Kukësi". */
	definite_sq: z.string().min(1),
	/**
	 * The form after "në" ("in"), as data rather than a rule in code: "në Malësi të Madhe", "në
	 * Vau të Dejës" — the article of an adjective or a genitive changes (e/i → të); otherwise it
	 * is the indefinite name, "në Kukës", "në Fushë-Arrëz".
	 */
	in_sq: z.string().min(1),
	ascii: z.string().regex(/^[A-Za-z -]+$/),
	name_en: z.string().min(1),
	county: slug,
	/** Other spellings people type: ASCII forms, definite forms, English/Italian exonyms. */
	aliases: z.array(z.string().min(1)),
	/** The seat town, where its name differs from the municipality's. */
	seat: z.string().min(1).optional()
});

export const GeoDataSchema = z
	.object({
		source: z.object({
			note: z.string(),
			municipality_total_cited: z.array(citation).min(1),
			county_total_cited: z.array(citation).min(1),
			status: z.enum(['to-confirm-locally', 'confirmed'])
		}),
		counties: z.array(CountySchema).length(12),
		municipalities: z.array(MunicipalitySchema).length(61)
	})
	.superRefine((geo, ctx) => {
		const counties = new Set(geo.counties.map((c) => c.slug));
		const municipalities = new Set(geo.municipalities.map((m) => m.slug));
		if (counties.size !== geo.counties.length)
			ctx.addIssue({ code: 'custom', message: 'duplicate county slug', path: ['counties'] });
		if (municipalities.size !== geo.municipalities.length) {
			ctx.addIssue({
				code: 'custom',
				message: 'duplicate municipality slug',
				path: ['municipalities']
			});
		}
		geo.municipalities.forEach((m, i) => {
			if (!counties.has(m.county)) {
				ctx.addIssue({
					code: 'custom',
					message: `unknown county "${m.county}"`,
					path: ['municipalities', i, 'county']
				});
			}
		});
		geo.counties.forEach((c, i) => {
			if (!municipalities.has(c.seat_municipality)) {
				ctx.addIssue({
					code: 'custom',
					message: `unknown municipality "${c.seat_municipality}"`,
					path: ['counties', i, 'seat_municipality']
				});
			}
		});
	});

export type County = z.infer<typeof CountySchema>;
export type Municipality = z.infer<typeof MunicipalitySchema>;
export type GeoData = z.infer<typeof GeoDataSchema>;
