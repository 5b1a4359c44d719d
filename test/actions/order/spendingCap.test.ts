/**
 * Max Order Total (CNY): the node previews the same lines and address first (PandaPon's documented previews), refuses
 * with nothing created above the cap, creates below it and reports the previewed total.
 */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import { SAMPLE } from '../../../packages/local-server/src/catalog';
import { ADDRESS, orderParams, otherSellerLine, sampleLine } from '../../support/orderFixtures';

describe('Max Order Total (CNY)', () => {
	const local = useLocalServer({ seedOrders: 5 });
	beforeEach(() => local.server.resetStats());
	/** goods + shipping of these lines, in yuan, as the local server's preview computes it. */
	const totalYuan = (lines: IDataObject[]) =>
		local.server.store
			.groupBySeller(lines as never)
			.reduce(
				(sum, group) =>
					sum + (local.server.store.preview(group).orderPreviewResuslt[0].sumPayment as number),
				0,
			) / 100;

	it('Create: above the cap, refused after one preview, nothing created', async () => {
		const lines = [sampleLine(3)];
		const total = totalYuan(lines);
		const before = local.server.store.size;
		const result = await local.run(
			orderParams('create', lines, { options: { maxOrderTotal: total - 0.01 } }),
		);
		expect(result.error?.message).toBe(
			`Item 1: Not ordered: PandaPon's preview puts goods + shipping at ${total.toFixed(2)} CNY, above Max Order Total ${(total - 0.01).toFixed(2)} CNY`,
		);
		expect(result.error?.description).toMatch(/^Nothing was ordered/);
		expect(local.server.count('POST /v2/alibaba/order/create/preview')).toBe(1);
		expect(local.server.count('POST /v2/alibaba/order/batch/create')).toBe(0);
		expect(local.server.store.size).toBe(before);
	});

	it('Create: at or below the cap, created, with the previewed total on the output', async () => {
		const lines = [sampleLine(3)];
		const total = totalYuan(lines);
		const [created] = await local.json(
			orderParams('create', lines, { options: { maxOrderTotal: total } }),
		);
		expect(created.orderId).toMatch(/^\d{19}$/);
		expect(created.previewedTotalYuan).toBe(total);
		expect(local.server.count('POST /v2/alibaba/order/create/preview')).toBe(1);
		expect(local.server.count('POST /v2/alibaba/order/batch/create')).toBe(1);
	});

	it('Create for Several Sellers: one preview per seller, their sum against the cap', async () => {
		const lines = [sampleLine(1), otherSellerLine(local.server.store.catalog, 2)];
		const total = totalYuan(lines);
		const refused = await local.run(
			orderParams('createBatch', lines, { options: { maxOrderTotal: total - 1 } }),
		);
		expect(refused.error?.message).toContain(`at ${total.toFixed(2)} CNY, above Max Order Total`);
		expect(local.server.count('POST /v2/alibaba/order/create/preview')).toBe(2);
		expect(local.server.count('POST /v2/alibaba/order/batch/create')).toBe(0);
		const created = await local.json(
			orderParams('createBatch', lines, { options: { maxOrderTotal: total + 1 } }),
		);
		expect(created).toHaveLength(2);
		expect(created.every((o) => o.previewedTotalYuan === total)).toBe(true);
	});

	it('Cart Create Order: the cart preview first; refused above, created below', async () => {
		await local.json({
			resource: 'cart',
			operation: 'add',
			useUnverifiedEndpoint: true,
			offerMapId: SAMPLE.offerMapId,
			specId: SAMPLE.specId,
			quantity: 4,
			sellerOpenId: SAMPLE.sellerOpenId,
		});
		const [line] = await local.json({ resource: 'cart', operation: 'getAll' });
		const total = totalYuan([sampleLine(4)]);
		const params = {
			resource: 'cart',
			operation: 'createOrder',
			cartIds: String(line.id),
			flow: 'general',
			addressMode: 'fields',
			address: { value: ADDRESS },
		};
		local.server.resetStats();
		const refused = await local.run({ ...params, options: { maxOrderTotal: total / 2 } });
		expect(refused.error?.message).toContain('above Max Order Total');
		expect(local.server.count('POST /alibaba/cart/preview/order')).toBe(1);
		expect(local.server.count('POST /alibaba/cart/create/order')).toBe(0);
		const [created] = await local.json({ ...params, options: { maxOrderTotal: total } });
		expect(created.previewedTotalYuan).toBe(total);
		expect(local.server.count('POST /alibaba/cart/create/order')).toBe(1);
	});

	it('without a cap, nothing is previewed', async () => {
		await local.json(orderParams('create', [sampleLine(1)]));
		expect(local.server.count('POST /v2/alibaba/order/create/preview')).toBe(0);
	});
});
