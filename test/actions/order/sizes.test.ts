/**
 * Output sizes per order, as an AI agent or a sheet receives them (JSON text of one output item): the compact
 * default against PandaPon's whole answer and the enriched one. Printed, and bounded so the compact shape stays
 * compact. README "Output sizes" quotes these figures.
 */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';

const bytes = (items: IDataObject[]) =>
	items.reduce((sum, item) => sum + Buffer.byteLength(JSON.stringify(item)), 0) / items.length;

describe('output sizes (bytes per order)', () => {
	const local = useLocalServer({ seedOrders: 200 });
	const getMany = (extra: IDataObject) =>
		local.json({ resource: 'order', operation: 'getAll', returnAll: false, limit: 50, ...extra });

	it('Get Many: compact is a small fraction of the raw answer', async () => {
		const compact = bytes(await getMany({}));
		const raw = bytes(await getMany({ simplify: false }));
		const readable = bytes(await getMany({ simplify: false, readableFields: true }));
		console.log(
			`Get Many, bytes per order (50 orders): compact ${compact.toFixed(0)}, raw ${raw.toFixed(0)}, raw + readable fields ${readable.toFixed(0)}; compact = ${((100 * compact) / raw).toFixed(0)} % of raw`,
		);
		expect(compact).toBeLessThan(raw * 0.35);
		expect(readable).toBeGreaterThan(raw);
	});

	it('Get: compact is a small fraction of the raw order detail', async () => {
		const orderId = local.server.store.all().find((o) => o.logistics)!.tbOrderId;
		const compact = bytes(await local.json({ resource: 'order', operation: 'get', orderId }));
		const raw = bytes(
			await local.json({ resource: 'order', operation: 'get', orderId, simplify: false }),
		);
		console.log(
			`Get, bytes per order: compact ${compact.toFixed(0)}, raw ${raw.toFixed(0)}; compact = ${((100 * compact) / raw).toFixed(0)} % of raw`,
		);
		expect(compact).toBeLessThan(raw * 0.6);
	});
});
