/** 1688 Cart through n8n's engine against the local server. */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import { ADDRESS } from '../../support/orderFixtures';
import { SAMPLE } from '../../../packages/local-server/src/catalog';
import { expectRefusedBeforeSending, lastRequest } from '../../support/helpers';

const addressParams = { addressMode: 'fields', address: { value: ADDRESS } };

describe('1688 Cart', () => {
	const local = useLocalServer({ seedOrders: 10 });
	const add = (quantity: number, specId = SAMPLE.specId) =>
		local.json({
			resource: 'cart',
			operation: 'add',
			useUnverifiedEndpoint: true,
			offerMapId: SAMPLE.offerMapId,
			specId,
			quantity,
			sellerOpenId: SAMPLE.sellerOpenId,
		});

	it('Add Item, Get Many (one item per line), Update Quantity, Preview, Create Order, Delete', async () => {
		await add(2);
		await add(1, '43c23b1eea2bae1bb944c7284aa72d4e');
		let lines = await local.json({ resource: 'cart', operation: 'getAll' });
		expect(lines.map((l) => [l.specId, l.quantity, l.available, l.sellerOpenId])).toEqual([
			[SAMPLE.specId, 2, true, SAMPLE.sellerOpenId],
			['43c23b1eea2bae1bb944c7284aa72d4e', 1, true, SAMPLE.sellerOpenId],
		]);
		const [first, second] = lines.map((l) => String(l.id));

		const [updated] = await local.json({
			resource: 'cart',
			operation: 'updateQuantity',
			id: first,
			quantity: 5,
			additionalFields: { productNo: 'SHOP-1' },
		});
		expect(updated).toEqual({ updated: true, id: first, quantity: 5 });
		expect(lastRequest(local, '/alibaba/cart/edit-quantity').rawBody).toContain(`"id":${first}`); // an integer in the API

		const [preview] = await local.json({
			resource: 'cart',
			operation: 'preview',
			cartIds: `${first}, ${second}`,
			...addressParams,
		});
		expect((preview.orderPreviewResuslt as IDataObject[])[0].sumPaymentNoCarriage).toBe(
			5 * 1900 + 1 * local.server.store.catalog.offers[0].specs[1].priceFen,
		);
		const priced = (preview.orderPreviewResuslt as IDataObject[])[0];
		expect(priced.sumPaymentNoCarriageYuan).toBe((priced.sumPaymentNoCarriage as number) / 100);

		const before = local.server.store.size;
		const created = await local.json({
			resource: 'cart',
			operation: 'createOrder',
			cartIds: first,
			flow: 'general',
			...addressParams,
		});
		expect(created).toHaveLength(1);
		expect(local.server.store.size).toBe(before + 1);
		const order = local.server.store.all()[0];
		expect(order.cargo[0]).toMatchObject({
			specId: SAMPLE.specId,
			quantity: 5,
			productNo: 'SHOP-1',
		});

		const [deleted] = await local.json({
			resource: 'cart',
			operation: 'delete',
			useUnverifiedEndpoint: true,
			cartIds: second,
		});
		expect(deleted).toEqual({ deleted: true, cartIds: [second] });
		lines = await local.json({ resource: 'cart', operation: 'getAll' });
		expect(lines).toEqual([]);
	});

	it('Create Order is sent once even when PandaPon answers 503', async () => {
		await add(1);
		const [line] = await local.json({ resource: 'cart', operation: 'getAll' });
		local.server.setFaults([{ path: '/alibaba/cart/create/order', kind: 'status', status: 503 }]);
		const result = await local.run(
			{
				resource: 'cart',
				operation: 'createOrder',
				cartIds: String(line.id),
				flow: 'general',
				...addressParams,
			},
			{ credentials: { ...local.credentials, timeoutSeconds: 1 } },
		);
		expect(result.error?.message).toMatch(/HTTP 503.* could not tell .*Do not send it again/);
		expect(local.server.stats.received['POST /alibaba/cart/create/order']).toBe(
			1 + (local.server.stats.handled['POST /alibaba/cart/create/order'] ?? 0),
		);
	});

	it.each<[string, IDataObject, RegExp]>([
		[
			'Add Item: quantity 0',
			{
				operation: 'add',
				useUnverifiedEndpoint: true,
				offerMapId: SAMPLE.offerMapId,
				quantity: 0,
				sellerOpenId: SAMPLE.sellerOpenId,
			},
			/^Item 1: Quantity \(quantity\) must be at least 1/,
		],
		[
			'Delete: cart id with letters',
			{ operation: 'delete', useUnverifiedEndpoint: true, cartIds: '1, x2' },
			/^Item 1: Cart ID #2: Cart IDs \(cartIds\) must contain digits only/,
		],
		[
			'Update Quantity: no cart id',
			{ operation: 'updateQuantity', id: '={{ $json.missing }}', quantity: 2 },
			/^Item 1: Cart ID \(id\) is required/,
		],
		[
			'Preview: no cart ids',
			{ operation: 'preview', cartIds: '={{ $json.missing }}', ...addressParams },
			/^Item 1: Cart IDs \(cartIds\) are required/,
		],
		[
			'Create Order: address without mobile',
			{
				operation: 'createOrder',
				cartIds: '1',
				flow: 'general',
				addressMode: 'fields',
				address: { value: { ...ADDRESS, mobile: '={{ "" }}' } },
			},
			/^Item 1: Address: Mobile \(mobile\) is required/,
		],
	])('%s is refused before sending', async (_name, parameters, message) => {
		await expectRefusedBeforeSending(local, { resource: 'cart', ...parameters }, message);
	});
});
