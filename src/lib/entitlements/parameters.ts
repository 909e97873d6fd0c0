import type { IsoDate } from './dates';
import type { Parameter, ParameterValue } from './schema';

/**
 * The value of a parameter in force on a date: the latest value whose valid_from is on or
 * before it. Before the first known value there is none (the sources do not say).
 */
export function valueInForce(parameter: Parameter, date: IsoDate): ParameterValue | undefined {
	let found: ParameterValue | undefined;
	for (const v of parameter.values) {
		if (v.valid_from <= date) found = v;
		else break;
	}
	return found;
}

/** A duration parameter's value in months (a range counts from its lower end). */
export function inMonths(value: ParameterValue): number | undefined {
	if (value.unit === 'months') return value.value;
	if (value.unit === 'years') return value.value * 12;
	return undefined;
}
