import { describe, expect, it } from 'vitest';
import { handOff, takeHandOff } from './handoff';

describe('in-memory hand-off', () => {
	it('gives a value once, then forgets it', () => {
		handOff({ screener: { abroad: 'abroad_now' } });
		expect(takeHandOff('screener')).toEqual({ abroad: 'abroad_now' });
		expect(takeHandOff('screener')).toBeUndefined();
	});

	it('keeps different values apart', () => {
		handOff({ helpMunicipality: 'kukes' });
		handOff({ screener: { abroad: 'returned' } });
		expect(takeHandOff('helpMunicipality')).toBe('kukes');
		expect(takeHandOff('screener')).toEqual({ abroad: 'returned' });
		expect(takeHandOff('helpMunicipality')).toBeUndefined();
	});
});
