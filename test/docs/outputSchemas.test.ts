/**
 * Output schemas, as n8n's own nodes ship them (nodes/<Node>/__schema__/v<version>/<resource>/<operation>.json), so
 * that downstream nodes list the fields of a PandaPon step before it has run. Each schema is inferred from what
 * the operation really returns against the local server (default options: Simplify on).
 *
 *   UPDATE_SCHEMAS=1 npx jest test/docs/outputSchemas.test.ts   rewrites the files
 *
 * Otherwise the test fails when a file is missing or when the output has a field its schema does not list.
 */
import fs from 'fs';
import path from 'path';
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer, type Local } from '../harness/local';
import { orderParams, sampleLine } from '../orders/fixtures';
import { SAMPLE } from '../server/catalog';
import { ORDER_STATUS } from '../server/store';

const DIR = path.join(__dirname, '..', '..', 'nodes', 'PandaPon', '__schema__', 'v1.0.0');

interface Schema {
	type: string;
	properties?: Record<string, Schema>;
	items?: Schema;
}

/** A JSON Schema of the values seen (objects merged, nulls skipped: Simplify leaves unknowns out). */
function infer(values: unknown[]): Schema | undefined {
	const seen = values.filter((v) => v !== null && v !== undefined);
	if (!seen.length) return undefined;
	const first = seen[0];
	if (Array.isArray(first)) {
		const items = infer(seen.flatMap((v) => (Array.isArray(v) ? v : [])));
		return items ? { type: 'array', items } : { type: 'array' };
	}
	if (typeof first === 'object') {
		const objects = seen.filter((v) => typeof v === 'object' && !Array.isArray(v)) as IDataObject[];
		const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))]; // in output order: the schema view lists them so
		const properties: Record<string, Schema> = {};
		for (const key of keys) {
			const schema = infer(objects.map((o) => o[key]));
			if (schema) properties[key] = schema;
		}
		return { type: 'object', properties };
	}
	return { type: typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'string' };
}

/** Field paths a schema lists ("items[].name"). */
function paths(schema: Schema | undefined, prefix = ''): string[] {
	if (!schema) return [];
	if (schema.type === 'array') return [prefix, ...paths(schema.items, `${prefix}[]`)].filter(Boolean);
	if (schema.type !== 'object') return prefix ? [prefix] : [];
	return [
		...(prefix ? [prefix] : []),
		...Object.entries(schema.properties ?? {}).flatMap(([key, child]) => paths(child, prefix ? `${prefix}.${key}` : key)),
	];
}

type Case = [resource: string, operation: string, parameters: (local: Local) => Promise<IDataObject> | IDataObject];

const orderOf = (local: Local, status: number) => String(local.server.store.all().find((o) => o.orderStatus === status)?.tbOrderId);

const CASES: Case[] = [
	['order', 'getAll', () => ({ resource: 'order', operation: 'getAll', returnAll: false, limit: 100 })],
	['order', 'get', (local) => ({ resource: 'order', operation: 'get', orderId: orderOf(local, ORDER_STATUS.shipped) })],
	['order', 'preview', () => orderParams('preview', [sampleLine(2)])],
	['order', 'create', () => orderParams('create', [sampleLine(1)])],
	['order', 'getLogistics', (local) => ({ resource: 'order', operation: 'getLogistics', orderId: orderOf(local, ORDER_STATUS.shipped) })],
	['order', 'getPaymentUrl', (local) => ({ resource: 'order', operation: 'getPaymentUrl', orderId: orderOf(local, ORDER_STATUS.awaitingPayment) })],
	['product', 'get', () => ({ resource: 'product', operation: 'get', offerId: SAMPLE.offerId, country: 'en' })],
	['product', 'search', () => ({ resource: 'product', operation: 'search', keyword: 'handbag', returnAll: false, limit: 10 })],
	['taobaoProduct', 'get', () => ({ resource: 'taobaoProduct', operation: 'get', itemId: '672991141190' })],
];

describe('output schemas (__schema__)', () => {
	const local = useLocalServer({ seedOrders: 60 });

	it.each(CASES)('%s → %s: the schema file lists every field the operation returns', async (resource, operation, parameters) => {
		const items = await local.json(await parameters(local));
		expect(items.length).toBeGreaterThan(0);
		const inferred = infer(items)!;
		const file = path.join(DIR, resource, `${operation}.json`);
		if (process.env.UPDATE_SCHEMAS === '1') {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, `${JSON.stringify(inferred, null, '\t')}\n`);
		}
		expect(fs.existsSync(file)).toBe(true);
		const shipped = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
		const missing = paths(inferred).filter((p) => !paths(shipped).includes(p));
		expect(missing).toEqual([]);
	});

	it('the build copies the schemas next to the compiled node, where n8n serves them', () => {
		const gulpfile = fs.readFileSync(path.join(__dirname, '..', '..', 'gulpfile.js'), 'utf8');
		expect(gulpfile).toMatch(/__schema__/);
	});
});
