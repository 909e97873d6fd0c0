import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Validates a directory export against the official HSDS 3 JSON schema (vendored in
 * tests/fixtures/hsds/, see its README): each service against the service schema, each
 * organisation against its definition. Ura's `ura_*` extension fields are allowed, as HSDS
 * profiles may add properties.
 */
const SCHEMA_FILE = new URL(
	'../../tests/fixtures/hsds/service_with_definitions.validation.json',
	import.meta.url
);

export type HsdsViolation = { record: string; path: string; message: string };

export function hsdsValidator(): (doc: {
	organizations: unknown[];
	services: unknown[];
}) => HsdsViolation[] {
	const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
	// The HSDS files carry annotation keywords (name, constraints, core…) that are not JSON
	// Schema: strict mode off. Formats (uuid, uri, email, date-time) are checked.
	const ajv = new Ajv({ strict: false, allErrors: true });
	const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
	addFormats(ajv);
	ajv.addSchema({ ...schema, $id: 'hsds:service' });
	const service = ajv.getSchema('hsds:service')!;
	const organization = ajv.compile({ $ref: 'hsds:service#/definitions/organization' });
	const describe = (record: string, errors: ErrorObject[] | null | undefined) =>
		(errors ?? []).map((e) => ({
			record,
			path: e.instancePath || '/',
			message: e.message ?? 'invalid'
		}));
	return (doc) => {
		const out: HsdsViolation[] = [];
		doc.organizations.forEach((o, i) => {
			if (!organization(o)) out.push(...describe(`organizations[${i}]`, organization.errors));
		});
		doc.services.forEach((s, i) => {
			if (!service(s)) out.push(...describe(`services[${i}]`, service.errors));
		});
		return out;
	};
}
