import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { HSDS_LAYER } from './hsds';
import {
	UraAddressSchema,
	UraContactSchema,
	UraLanguageSchema,
	UraLocationSchema,
	UraOrganizationSchema,
	UraPhoneSchema,
	UraScheduleSchema,
	UraServiceAreaSchema,
	UraServiceAtLocationSchema,
	UraServiceSchema
} from './profile';

// The official HSDS 3 schema and example, vendored (tests/fixtures/hsds/README.md).
const fixture = (name: string) =>
	JSON.parse(
		readFileSync(new URL(`../../../tests/fixtures/hsds/${name}`, import.meta.url), 'utf8')
	);
type JsonProp = { type?: string; $ref?: string; items?: unknown; enum?: string[] };
type JsonDef = { properties: Record<string, JsonProp>; required?: string[] };
const official = fixture('service_with_definitions.validation.json') as JsonDef & {
	definitions: Record<string, JsonDef>;
};
const definitionOf = (name: string): JsonDef =>
	name === 'service' ? official : official.definitions[name]!;
const example = fixture('service_full.json') as Record<string, unknown> & {
	organization: Record<string, unknown> & { locations: Record<string, unknown>[] };
	service_at_locations: (Record<string, unknown> & {
		location: Record<string, unknown> & { addresses: unknown[] };
	})[];
	phones: unknown[];
	contacts: unknown[];
	schedules: unknown[];
	service_areas: unknown[];
	languages: unknown[];
};

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
	const s = schema as unknown as { shape?: Record<string, z.ZodType>; def?: { in?: z.ZodType } };
	return s.shape ?? (s.def?.in ? shapeOf(s.def.in) : {});
}

/** A value of the wrong JSON type for a property: the zod field must refuse it. */
function wrongValue(prop: JsonProp): unknown {
	if (prop.$ref) return 'not an object';
	if (prop.type === 'string') return 12345;
	if (prop.type === 'number') return 'twelve';
	if (prop.type === 'array') return { not: 'an array' };
	return Symbol('unknown');
}

describe('HSDS layer of the zod schemas, kept in step with the official JSON schema', () => {
	for (const [name, schema] of Object.entries(HSDS_LAYER)) {
		const def = definitionOf(name);
		const shape = shapeOf(schema);

		it(`${name}: every field exists in the official schema, with the same type`, () => {
			expect(Object.keys(shape).length).toBeGreaterThan(2);
			for (const [field, zodField] of Object.entries(shape)) {
				const prop = def.properties[field];
				expect(prop, `${name}.${field} is not in the official schema`).toBeDefined();
				expect(zodField.safeParse(wrongValue(prop!)).success, `${name}.${field} type`).toBe(false);
				if (prop!.enum) {
					for (const v of prop!.enum) expect(zodField.safeParse(v).success).toBe(true);
				}
			}
		});

		it(`${name}: the required fields are the official ones`, () => {
			const required = Object.entries(shape)
				.filter(([, f]) => !f.safeParse(undefined).success)
				.map(([k]) => k)
				.sort();
			expect(required).toEqual([...(def.required ?? [])].sort());
		});
	}

	it('parses the official service example, with all its nested records', () => {
		expect(HSDS_LAYER.service.safeParse(example).success).toBe(true);
		expect(HSDS_LAYER.organization.safeParse(example.organization).success).toBe(true);
		const sal = example.service_at_locations[0]!;
		expect(HSDS_LAYER.service_at_location.safeParse(sal).success).toBe(true);
		expect(HSDS_LAYER.location.safeParse(sal.location).success).toBe(true);
		expect(HSDS_LAYER.address.safeParse(sal.location.addresses[0]).success).toBe(true);
		for (const [schema, list] of [
			[HSDS_LAYER.phone, example.phones],
			[HSDS_LAYER.contact, example.contacts],
			[HSDS_LAYER.schedule, example.schedules],
			[HSDS_LAYER.service_area, example.service_areas],
			[HSDS_LAYER.language, example.languages]
		] as const) {
			expect(list.length).toBeGreaterThan(0);
			for (const item of list) expect(schema.safeParse(item).success).toBe(true);
		}
	});

	it('refuses the official example once a required field is gone or mistyped', () => {
		const { name: _name, ...noName } = example;
		expect(HSDS_LAYER.service.safeParse(noName).success).toBe(false);
		expect(HSDS_LAYER.service.safeParse({ ...example, status: 'open' }).success).toBe(false);
		expect(HSDS_LAYER.service.safeParse({ ...example, id: 'not-a-uuid' }).success).toBe(false);
	});
});

describe('Albania profile: HSDS fields are HSDS fields, extensions are ura_*', () => {
	const profile = {
		service: UraServiceSchema,
		organization: UraOrganizationSchema,
		service_at_location: UraServiceAtLocationSchema,
		location: UraLocationSchema,
		address: UraAddressSchema,
		phone: UraPhoneSchema,
		contact: UraContactSchema,
		schedule: UraScheduleSchema,
		service_area: UraServiceAreaSchema,
		language: UraLanguageSchema
	};
	for (const [name, schema] of Object.entries(profile)) {
		it(`${name}: each field is in the official schema or prefixed ura_`, () => {
			const def = definitionOf(name);
			for (const field of Object.keys(shapeOf(schema))) {
				if (field.startsWith('ura_')) continue;
				expect(def.properties[field], `${name}.${field}`).toBeDefined();
			}
			// What HSDS requires, the profile requires too.
			for (const field of def.required ?? []) {
				expect(shapeOf(schema)[field]?.safeParse(undefined).success, `${name}.${field}`).toBe(
					false
				);
			}
		});
	}
});
