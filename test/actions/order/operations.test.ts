/** Every 1688 order operation through n8n's engine against the local server. */
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../../nodes/PandaPon/model/endpoints';
import { useLocalServer } from '../../support/localServer';
import { ORDER_STATUS, PAY_STATUS } from '../../../packages/local-server/src/store';
import {
	ADDRESS,
	numericLine,
	orderParams,
	otherSellerLine,
	sampleLine,
} from '../../support/orderFixtures';

describe('1688 order operations', () => {
	const local = useLocalServer();
	const store = () => local.server.store;
	const findOrder = (status: number) =>
		store()
			.all()
			.find((o) => o.orderStatus === status)!;

	beforeEach(() => {
		local.server.clearFaults();
		local.server.resetStats();
	});

	describe('Get Many', () => {
		it('returns up to the limit, newest first, one item per order with paired items', async () => {
			const result = await local.run({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 7,
			});
			const items = result.output();
			expect(items).toHaveLength(7);
			expect(items.map((i) => i.json.tbOrderId)).toEqual(
				store()
					.all()
					.slice(0, 7)
					.map((o) => o.tbOrderId),
			);
			expect(items.every((i) => JSON.stringify(i.pairedItem) === JSON.stringify({ item: 0 }))).toBe(
				true,
			);
		});

		it('nothing matched: no items in a workflow; as an AI tool, one item that says so (an agent would get "" otherwise)', async () => {
			const filters = { tbOrderId: '1111111111111111111' };
			expect(
				await local.json({ resource: 'order', operation: 'getAll', returnAll: true, filters }),
			).toEqual([]);
			const asTool = await local.json(
				{ resource: 'order', operation: 'getAll', returnAll: true, filters },
				{ type: 'CUSTOM.pandaPonTool' },
			);
			expect(asTool).toEqual([{ count: 0, message: 'No 1688 orders matched' }]);
		});

		it('Return All walks every page (1,000 orders in 10 pages of 100)', async () => {
			const out = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				options: { pageSize: 100 },
			});
			expect(out).toHaveLength(1000);
			expect(new Set(out.map((o) => o.tbOrderId)).size).toBe(1000);
			expect(local.server.count('POST /v2/alibaba/order/page')).toBe(10);
		});

		it('keeps a limit that spans pages exact', async () => {
			const out = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 45,
				options: { pageSize: 20 },
			});
			expect(out.map((o) => o.tbOrderId)).toEqual(
				store()
					.all()
					.slice(0, 45)
					.map((o) => o.tbOrderId),
			);
		});

		it('sends the filters PandaPon knows', async () => {
			const sample = store().all()[123];
			const out = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: {
					tbOrderId: sample.tbOrderId,
					orderStatus: sample.orderStatus,
					userIds: `${sample.userId}, 1`,
				},
			});
			expect(out.map((o) => o.tbOrderId)).toEqual([sample.tbOrderId]);
			const body = JSON.parse(local.server.log[0].rawBody);
			expect(body).toMatchObject({
				tbOrderId: sample.tbOrderId,
				orderStatus: sample.orderStatus,
				userIdList: [sample.userId, '1'],
			});
		});

		it('filters on creation time itself and still honours the limit', async () => {
			const all = store().all();
			const after = new Date(all[300].createTime).toISOString();
			const before = new Date(all[100].createTime).toISOString();
			const out = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { createdAfter: after, createdBefore: before },
				options: { pageSize: 200 },
			});
			expect(out.map((o) => o.tbOrderId)).toEqual(all.slice(100, 301).map((o) => o.tbOrderId));
			const limited = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { createdAfter: after },
			});
			expect(limited.map((o) => o.tbOrderId)).toEqual(all.slice(0, 5).map((o) => o.tbOrderId));
		});

		it('Simplify (default) gives a compact order: ids as text, labels, yuan, seller, lines', async () => {
			const [order] = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			});
			const raw = store().all()[0];
			expect(order.tbOrderId).toBe(raw.tbOrderId);
			expect(order).not.toHaveProperty('id'); // one order id: the one every operation takes
			expect(order.payStatusLabel).toBe(raw.payStatus === 2 ? 'paid' : 'unpaid');
			expect(order.totalAmountYuan).toBeGreaterThan(0);
			expect(order.sellerLoginId).toBe(raw.seller.sellerLoginId);
			expect(order).not.toHaveProperty('totalAmount'); // no fen figure to mistake for the price
			expect(order).not.toHaveProperty('orderJson');
			const [line] = order.items as IDataObject[];
			expect(line.subTbOrderId).toBe(raw.items[0].subTbOrderId);
			expect(line.priceYuan).toBe(raw.items[0].priceFen / 100);
			expect(line.sku).toBe(raw.items[0].attributes.map((a) => `${a.name}: ${a.value}`).join(', '));
		});

		it('Simplify off + Add Readable Fields: the whole answer with yuan, parsed JSON-text fields and labels', async () => {
			const [order] = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				simplify: false,
				readableFields: true,
			});
			const raw = store().all()[0];
			expect(order.totalAmountYuan).toBe((order.totalAmount as number) / 100);
			expect((order.cargoParamList as IDataObject[])[0].specId).toBe(raw.cargo[0].specId);
			expect((order.receiver as IDataObject).toFullName).toBe('zhang');
			expect(((order.orderJson as IDataObject).result as IDataObject).orderId).toBe(raw.tbOrderId);
			const item = (order.orderDetailInfoVOS as IDataObject[])[0];
			expect(item.priceYuan).toBe((item.price as number) / 100);
			expect(Array.isArray(item.skuInfos)).toBe(true);
			expect(Array.isArray(item.productImgUrl)).toBe(true);
			expect(order.payStatusLabel).toBe(raw.payStatus === 2 ? 'paid' : 'unpaid');
		});

		it('Simplify off returns the raw object, ids still exact strings', async () => {
			const [order] = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				simplify: false,
			});
			expect(typeof order.cargoParamList).toBe('string');
			expect(order.totalAmountYuan).toBeUndefined();
			expect(order.tbOrderId).toBe(store().all()[0].tbOrderId);
		});
	});

	describe('Get', () => {
		it('reads the order detail; the bare 19-digit ids of the answer arrive exact', async () => {
			const order = findOrder(ORDER_STATUS.shipped);
			const [compact] = await local.json({
				resource: 'order',
				operation: 'get',
				orderId: order.tbOrderId,
			});
			expect(compact).toMatchObject({
				orderId: order.tbOrderId,
				status: 'waitbuyerreceive',
				statusLabel: 'shipped',
			});
			expect((compact.items as IDataObject[])[0].subItemId).toBe(order.items[0].subTbOrderId);
			expect((compact.parcels as IDataObject[])[0].billNo).toBe(order.logistics?.logisticsBillNo);
			const [detail] = await local.json({
				resource: 'order',
				operation: 'get',
				orderId: order.tbOrderId,
				simplify: false,
				readableFields: true,
			});
			expect(detail.orderId).toBe(order.tbOrderId);
			expect(detail.statusLabel).toBe('shipped');
			const base = detail.baseInfo as IDataObject;
			expect(base.id).toBe(order.tbOrderId); // sent as a bare number by the server
			expect((detail.productItems as IDataObject[])[0].subItemID).toBe(order.items[0].subTbOrderId);
			expect(local.server.log[0].rawBody).toBe(`{"webSite":"1688","orderId":"${order.tbOrderId}"}`);
		});

		it('says clearly when the order does not exist', async () => {
			const result = await local.run({
				resource: 'order',
				operation: 'get',
				orderId: '1234567890123456789',
			});
			expect(result.error?.message).toMatch(
				/^Item 1: PandaPon error 500: .*order 1234567890123456789 not found/,
			);
		});
	});

	describe('Preview', () => {
		it('prices one seller’s lines (fen), buys nothing', async () => {
			const before = store().size;
			const [preview] = await local.json(orderParams('preview', [sampleLine(3)]));
			const result = (preview.orderPreviewResuslt as IDataObject[])[0];
			expect(result.sumPaymentNoCarriage).toBe(3 * 1900);
			expect(result.sumPayment).toBe(3 * 1900 + (result.sumCarriage as number));
			// Yuan beside each fen amount, as Get Many and Get show money.
			expect(result.sumPaymentNoCarriageYuan).toBe(57);
			expect(result.sumPaymentYuan).toBe((result.sumPayment as number) / 100);
			expect((result.cargoList as IDataObject[])[0].finalUnitPriceYuan).toBe(19);
			expect(store().size).toBe(before);
			const sent = JSON.parse(local.server.log[0].rawBody);
			expect(sent.addressParam).toEqual({ ...ADDRESS, phone: ADDRESS.mobile });
			expect(sent.cargoParamList).toEqual([sampleLine(3)]);
		});

		it('takes the address and lines as JSON mapped from an earlier node', async () => {
			const [preview] = await local.json(
				{
					resource: 'order',
					operation: 'preview',
					addressMode: 'json',
					addressJson: '={{ JSON.stringify($json.address) }}',
					cargoMode: 'json',
					cargoJson: '={{ JSON.stringify($json.lines) }}',
				},
				{ items: [{ address: ADDRESS, lines: [{ ...sampleLine(), quantity: '4' }] }] },
			);
			expect((preview.orderPreviewResuslt as IDataObject[])[0].sumPaymentNoCarriage).toBe(4 * 1900);
		});

		it('fails clearly when PandaPon says the preview cannot be fulfilled (stock)', async () => {
			const result = await local.run(orderParams('preview', [sampleLine(999_999)]));
			expect(result.error?.message).toMatch(
				/^Item 1: PandaPon cannot fulfil this preview: 库存不足/,
			);
		});
	});

	it('Preview for Several Sellers answers one item per seller, each with its own lines as request', async () => {
		const other = otherSellerLine(store().catalog, 2, true);
		const out = await local.json(orderParams('previewBatch', [numericLine(1), other]));
		expect(out).toHaveLength(2);
		expect(out.every((p) => p.success === true)).toBe(true);
		expect(
			out.map((p) =>
				(p.request as { cargoParamList: IDataObject[] }).cargoParamList.map((l) => l.sellerOpenId),
			),
		).toEqual([[numericLine(1).sellerOpenId], [other.sellerOpenId]]);
	});

	it('Preview → Create in one mapping: the preview carries what it previewed as request, which Create takes as JSON', async () => {
		const [preview] = await local.json(orderParams('preview', [sampleLine(2)]));
		expect(preview.request).toEqual({
			addressParam: { ...ADDRESS, phone: ADDRESS.mobile },
			cargoParamList: [sampleLine(2)],
		});
		const [created] = await local.json(
			{
				resource: 'order',
				operation: 'create',
				flow: 'general',
				addressMode: 'json',
				addressJson: '={{ JSON.stringify($json.request.addressParam) }}',
				cargoMode: 'json',
				cargoJson: '={{ JSON.stringify($json.request.cargoParamList) }}',
			},
			{ items: [preview] },
		);
		const order = store().get(String(created.orderId))!;
		expect(order.items.map((i) => i.quantity)).toEqual([2]);
		expect(order.address.townText).toBe(ADDRESS.townText);
	});

	describe('Create', () => {
		it('places one order that then appears in Get Many as awaiting payment', async () => {
			const [created] = await local.json(
				orderParams('create', [sampleLine(2)], {
					additionalFields: { message: 'pack well', staffName: 'Li' },
				}),
			);
			expect(created.orderId).toMatch(/^\d{19}$/);
			expect(created.status).toBe('waitbuyerpay');
			const [listed] = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				filters: { tbOrderId: created.orderId },
			});
			expect(listed.tbOrderId).toBe(created.orderId);
			expect(listed.orderStatus).toBe(1);
			expect(listed.orderStatusLabel).toBe('awaiting payment');
			expect(listed.stage).toBe('awaiting payment');
			// The Table view's first columns: the order, its state, its total in yuan.
			expect(Object.keys(listed).slice(0, 4)).toEqual([
				'tbOrderId',
				'orderStatusLabel',
				'stage',
				'totalAmountYuan',
			]);
			expect(listed.productAmountYuan).toBe(38);
			expect(listed.message).toBe('pack well');
			// The one-seller Create goes to the documented batch create (doc-cnv2.pandapon.com/api-288855706; the v2 single-create page, doc-th.pandapon.com/api-289190490, stops before its body).
			expect(local.server.count('POST /v2/alibaba/order/batch/create')).toBe(1);
		});

		it('Create for Several Sellers makes one order per seller, one item each', async () => {
			const out = await local.json(
				orderParams('createBatch', [sampleLine(1), otherSellerLine(store().catalog, 2)]),
			);
			expect(out).toHaveLength(2);
			for (const created of out)
				expect(store().get(created.orderId as string)?.orderStatus).toBe(
					ORDER_STATUS.awaitingPayment,
				);
			expect(local.server.count('POST /v2/alibaba/order/batch/create')).toBe(1);
		});
	});

	describe('Get Payment URL', () => {
		it('gives the cashier link of an unpaid order', async () => {
			const order = findOrder(ORDER_STATUS.awaitingPayment);
			const [out] = await local.json({
				resource: 'order',
				operation: 'getPaymentUrl',
				orderId: order.tbOrderId,
			});
			expect(out.payUrl).toContain(order.tbOrderId);
			expect(local.server.log[0].query).toEqual({ orderId: order.tbOrderId });
		});

		it('lists a paid order in cantPayOrderList with its exact digits', async () => {
			const order = findOrder(ORDER_STATUS.awaitingShipment);
			const [out] = await local.json({
				resource: 'order',
				operation: 'getPaymentUrl',
				orderId: order.tbOrderId,
			});
			expect(out.cantPayOrderList).toEqual([order.tbOrderId]);
		});
	});

	it('Pay submits several orders in one call', async () => {
		const unpaid = store()
			.all()
			.filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)
			.slice(0, 2);
		const [out] = await local.json({
			resource: 'order',
			operation: 'pay',
			orderIds: unpaid.map((o) => o.tbOrderId).join('\n'),
		});
		expect(out.orderIds).toEqual(unpaid.map((o) => o.tbOrderId));
		for (const order of unpaid) expect(order.payStatus).toBe(PAY_STATUS.paid);
		expect(JSON.parse(local.server.log[0].rawBody)).toEqual({
			orderIds: unpaid.map((o) => o.tbOrderId),
		});
	});

	describe('Cancel', () => {
		it('cancels an unpaid order, sending the id as bare digits', async () => {
			const order = findOrder(ORDER_STATUS.awaitingPayment);
			const [out] = await local.json({
				resource: 'order',
				operation: 'cancel',
				orderId: order.tbOrderId,
				cancelReason: '不想要了',
				remark: 'dup',
			});
			expect(out).toEqual({ orderId: order.tbOrderId, cancelled: true, cancelReason: '不想要了' });
			expect(order.orderStatus).toBe(ORDER_STATUS.cancelled);
			expect(local.server.log[0].rawBody).toBe(
				`{"webSite":"1688","orderId":${order.tbOrderId},"cancelReason":"不想要了","remark":"dup"}`,
			);
		});

		it('refuses a paid order with PandaPon’s message', async () => {
			const order = findOrder(ORDER_STATUS.awaitingShipment);
			const result = await local.run({
				resource: 'order',
				operation: 'cancel',
				orderId: order.tbOrderId,
				cancelReason: 'buyerCancel',
			});
			expect(result.error?.message).toMatch(
				/^Item 1: PandaPon error 500: 订单已支付，不能取消.* checked with PandaPon: it did not go through \(order \d{19} is paid, so it was not cancelled\)/,
			);
			expect(order.orderStatus).toBe(ORDER_STATUS.awaitingShipment);
		});
	});

	describe('answers that say the call did nothing', () => {
		afterEach(() => local.server.setFaults([]));

		it('Cancel: data false fails the item and names the order, sent once', async () => {
			const order = findOrder(ORDER_STATUS.awaitingPayment);
			local.server.setFaults([
				{
					kind: 'envelope',
					method: 'POST',
					path: ENDPOINTS.orderCancel.path,
					envelope: { code: 200, msg: '成功', data: false },
				},
			]);
			const result = await local.run({
				resource: 'order',
				operation: 'cancel',
				orderId: order.tbOrderId,
			});
			expect(result.error?.message).toBe(
				`Item 1: PandaPon did not cancel order ${order.tbOrderId} (it answered data: false)`,
			);
			expect(result.error?.description).toMatch(/already be paid or closed/);
			expect(local.server.count()).toBe(1);
		});

		it('Confirm Receipt: success false fails the item with PandaPon’s reason, sent once', async () => {
			const order = findOrder(ORDER_STATUS.shipped);
			local.server.setFaults([
				{
					kind: 'envelope',
					method: 'POST',
					path: ENDPOINTS.orderReceiveGoods.path,
					envelope: { code: 200, msg: '成功', data: { success: false, errorInfo: '未发货' } },
				},
			]);
			const result = await local.run({
				resource: 'order',
				operation: 'confirmReceipt',
				orderId: order.tbOrderId,
			});
			expect(result.error?.message).toBe(
				`Item 1: PandaPon did not confirm receipt of order ${order.tbOrderId}: 未发货`,
			);
			expect(local.server.count()).toBe(1);
		});
	});

	describe('Confirm Receipt', () => {
		it('confirms a shipped order with its sub-order ids as bare digits', async () => {
			const order = findOrder(ORDER_STATUS.shipped);
			const entries = order.items.map((i) => i.subTbOrderId);
			const [out] = await local.json({
				resource: 'order',
				operation: 'confirmReceipt',
				orderId: order.tbOrderId,
				orderEntryIds: entries.join(','),
			});
			expect(out).toMatchObject({ orderId: order.tbOrderId, confirmed: true, success: true });
			expect(order.orderStatus).toBe(ORDER_STATUS.received);
			expect(local.server.log[0].rawBody).toBe(
				`{"orderId":${order.tbOrderId},"orderEntryIds":[${entries.join(',')}]}`,
			);
		});

		it('refuses an order that has not shipped (and does not call a re-send safe)', async () => {
			const order = findOrder(ORDER_STATUS.awaitingShipment);
			const result = await local.run(
				{ resource: 'order', operation: 'confirmReceipt', orderId: order.tbOrderId },
				{ credentials: { ...local.credentials, timeoutSeconds: 1 } },
			);
			// Code 500 is no published refusal, so the node reads the order back: still unshipped proves nothing.
			expect(result.error?.message).toMatch(
				/订单状态不允许确认收货.* could not tell \(order \d{19} is paid, not yet received/,
			);
			expect(order.orderStatus).toBe(ORDER_STATUS.awaitingShipment);
		});
	});

	it('Get Logistics returns the parcels of a shipped order, none before shipping', async () => {
		const shipped = findOrder(ORDER_STATUS.shipped);
		const [out] = await local.json({
			resource: 'order',
			operation: 'getLogistics',
			orderId: shipped.tbOrderId,
		});
		expect(out.shipped).toBe(true);
		const parcel = (out.parcels as IDataObject[])[0];
		expect(parcel.logisticsBillNo).toBe(shipped.logistics?.logisticsBillNo);
		expect(parcel.orderId).toBe(shipped.tbOrderId);
		const unpaid = findOrder(ORDER_STATUS.awaitingPayment);
		const [none] = await local.json({
			resource: 'order',
			operation: 'getLogistics',
			orderId: unpaid.tbOrderId,
		});
		expect(none).toEqual({ orderId: unpaid.tbOrderId, shipped: false, parcels: [] });
	});

	it('Get Many gives no label for a code PandaPon does not publish (the raw code stays), and reads the stage from the order’s own dates; one order id', async () => {
		const cases: Array<[number, string]> = [
			[ORDER_STATUS.shipped, 'shipped'],
			[ORDER_STATUS.received, 'completed'],
			[ORDER_STATUS.cancelled, 'closed'],
		];
		for (const [status, stage] of cases) {
			const order = findOrder(status);
			const [listed] = await local.json({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				filters: { tbOrderId: order.tbOrderId },
			});
			expect([listed.orderStatusLabel, listed.orderStatus, listed.stage]).toEqual([
				undefined,
				status,
				stage,
			]);
			expect([listed.tbOrderId, listed.orderNo, listed.id]).toEqual([
				order.tbOrderId,
				undefined,
				undefined,
			]);
		}
	});

	it('Decrypt Seller Nickname turns a sellerOpenId into the nickname', async () => {
		const seller = store().catalog.sellers[1];
		const [out] = await local.json({
			resource: 'order',
			operation: 'decryptWangwang',
			offerId: '951807530375',
			openUid: seller.sellerOpenId,
		});
		expect(out.wangwang).toBe(seller.nickname);
	});

	it('continue-on-fail puts the error on the failing item only, with paired items', async () => {
		const unpaid = findOrder(ORDER_STATUS.awaitingPayment);
		const result = await local.run(
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			{
				items: [{ id: unpaid.tbOrderId }, { id: 'abc' }, { id: unpaid.tbOrderId }],
				continueOnFail: true,
			},
		);
		const items = result.output();
		expect(items).toHaveLength(3);
		expect(items[0].json.orderId).toBe(unpaid.tbOrderId);
		expect(items[1].json.error).toMatch(/^Item 2: Order ID \(orderId\) must contain digits only/);
		expect(items[2].json.orderId).toBe(unpaid.tbOrderId);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(local.server.count()).toBe(2);
	});
});
