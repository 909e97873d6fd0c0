import type { Condition } from './schema';

/** A leaf of a condition: the question it reads and how. */
export type Leaf = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;

/** Every leaf in a condition, depth first. */
export function leaves(condition: Condition): Leaf[] {
	if ('all' in condition) return condition.all.flatMap(leaves);
	if ('any' in condition) return condition.any.flatMap(leaves);
	if ('not' in condition) return leaves(condition.not);
	return [condition];
}

/** The question a leaf reads, if any (`always` reads none). */
export function leafQuestion(leaf: Leaf): string | undefined {
	if ('equals' in leaf) return leaf.equals.question;
	if ('in' in leaf) return leaf.in.question;
	if ('range' in leaf) return leaf.range.question;
	if ('within' in leaf) return leaf.within.question;
	return undefined;
}

/** The option values a leaf names explicitly. */
export function leafValues(leaf: Leaf): string[] {
	if ('equals' in leaf) return [leaf.equals.value];
	if ('in' in leaf) return leaf.in.values;
	return [];
}
