import { describe, expect, it } from 'vitest';
import { geo } from './index';
import { COUNTY_SLUGS, MUNICIPALITY_SLUGS } from './slugs';

describe('slug lists for the route matchers', () => {
	it('are exactly the slugs of data/geo/albania.json', () => {
		expect([...COUNTY_SLUGS].sort()).toEqual(geo.counties.map((c) => c.slug).sort());
		expect([...MUNICIPALITY_SLUGS].sort()).toEqual(geo.municipalities.map((m) => m.slug).sort());
	});
});
