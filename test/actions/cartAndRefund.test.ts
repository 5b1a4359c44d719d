/** 1688 Cart, 1688 After-Sale and Address Book through n8n's engine against the local server. */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../support/localServer';
import { ADDRESS } from '../support/orderFixtures';
import { SAMPLE } from '../../packages/local-server/src/catalog';
import { ORDER_STATUS } from '../../packages/local-server/src/store';
import {
	expectRefusedBeforeSending,
	imageItem,
	lastBody,
	lastRequest,
	PNG_BYTES,
} from '../support/helpers';

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

describe('1688 After-Sale', () => {
	const local = useLocalServer({ seedOrders: 200 });
	const paid = () =>
		local.server.store
			.all()
			.find((o) => o.orderStatus === ORDER_STATUS.awaitingShipment && o.refundStatus === 0)!;

	it('Get Refund Reasons, Upload Voucher (binary), Create, Get, Submit Return Shipment', async () => {
		const order = paid();
		const reasons = await local.json({
			resource: 'refund',
			operation: 'getReasons',
			orderId: order.tbOrderId,
			goodsStatus: 'refundWaitSellerSend',
		});
		expect(reasons.map((r) => r.id)).toContain(20006);
		expect(lastRequest(local, '/alibaba/refund/reasons').rawBody).toContain(
			`"orderId":${order.tbOrderId}`,
		);

		const [voucher] = await local.json(
			{
				resource: 'refund',
				operation: 'uploadVoucher',
				useUnverifiedEndpoint: true,
				imageBase64BinaryProperty: 'data',
			},
			{ items: [imageItem('box.png')] },
		);
		expect(voucher.voucherUrl).toMatch(/\.png$/);
		const sent = lastBody(local, '/alibaba/refund/voucher/upload');
		expect(Buffer.from(String(sent.imageBase64), 'base64').equals(PNG_BYTES)).toBe(true);
		expect(sent.fileName).toBe('box.png');

		const [created] = await local.json({
			resource: 'refund',
			operation: 'create',
			orderId: order.tbOrderId,
			disputeRequest: 'refund',
			goodsStatus: 'refundWaitSellerSend',
			applyPayment: 100,
			applyCarriage: 0,
			applyReasonId: 20006,
			description: 'wrong size',
			additionalFields: {
				vouchers: JSON.stringify([voucher.voucherUrl]),
				orderEntryIds: order.items[0].subTbOrderId,
				// typed as a bare 19-digit number: it must reach PandaPon digit for digit
				orderEntryCountList: `[{"id": ${order.items[0].subTbOrderId}, "count": 1}]`,
			},
		});
		const refundId = String(created.refundId);
		expect(refundId).toMatch(/^TQ\d{19}$/);
		const raw = lastRequest(local, '/v2/alibaba/refund/detail/create').rawBody;
		expect(raw).toContain(`"orderId":${order.tbOrderId}`);
		expect(raw).toContain(`"orderEntryIds":[${order.items[0].subTbOrderId}]`);
		expect(raw).toContain(
			`"orderEntryCountList":[{"id":${order.items[0].subTbOrderId},"count":1}]`,
		);
		expect(local.server.store.get(order.tbOrderId)!.refundAmountFen).toBe(100);

		const [info] = await local.json({ resource: 'refund', operation: 'get', refundId });
		expect(info).toMatchObject({ refundId, applyPayment: 100, vouchers: [voucher.voucherUrl] });
		expect(lastRequest(local, '/alibaba/refund/info').query.refundId).toBe(refundId); // in the query as well

		const carriers = await local.json({ resource: 'refund', operation: 'getLogisticsCompanies' });
		const [shipped] = await local.json({
			resource: 'refund',
			operation: 'returnGoods',
			refundId,
			logisticsCompanyNo: carriers[0].companyNo,
			freightBill: '4312345678901',
		});
		expect(shipped).toMatchObject({ submitted: true, refundId });
		const [after] = await local.json({ resource: 'refund', operation: 'get', refundId });
		expect(after).toMatchObject({ buyerSendGoods: true, freightBill: '4312345678901' });
	});

	it('Upload Voucher refuses a non-image file (PandaPon says why) and a missing binary (before sending)', async () => {
		const text = {
			$binary: {
				data: {
					data: Buffer.from('not an image').toString('base64'),
					mimeType: 'text/plain',
					fileName: 'a.txt',
				},
			},
		};
		const result = await local.run(
			{
				resource: 'refund',
				operation: 'uploadVoucher',
				useUnverifiedEndpoint: true,
				imageBase64BinaryProperty: 'data',
			},
			{ items: [text] },
		);
		expect(result.error?.message).toMatch(/PandaPon error 400: .*JPG or PNG/);
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'refund',
				operation: 'uploadVoucher',
				useUnverifiedEndpoint: true,
				imageBase64BinaryProperty: 'data',
			},
			/^Item 1: Input Binary Field: the input item has no binary property "data"/,
			[{}],
		);
	});

	it.each<[string, IDataObject, RegExp]>([
		[
			'Create: negative amount',
			{
				operation: 'create',
				orderId: '2542285634920880794',
				disputeRequest: 'refund',
				goodsStatus: 'x',
				applyPayment: -1,
				applyCarriage: 0,
				applyReasonId: 1,
				description: 'd',
			},
			/^Item 1: Refund amount \(applyPayment\) must be at least 0/,
		],
		[
			'Create: no description',
			{
				operation: 'create',
				orderId: '2542285634920880794',
				disputeRequest: 'refund',
				goodsStatus: 'x',
				applyPayment: 1,
				applyCarriage: 0,
				applyReasonId: 1,
				description: '={{ $json.missing }}',
			},
			/^Item 1: Description \(description\) is required/,
		],
		[
			'Create: vouchers not JSON',
			{
				operation: 'create',
				orderId: '2542285634920880794',
				disputeRequest: 'refund',
				goodsStatus: 'x',
				applyPayment: 1,
				applyCarriage: 0,
				applyReasonId: 1,
				description: 'd',
				additionalFields: { vouchers: '[oops' },
			},
			/^Item 1: Voucher Images is not valid JSON/,
		],
		[
			'Get Reasons: order id with a dash',
			{ operation: 'getReasons', orderId: '2542-285', goodsStatus: 'x' },
			/^Item 1: Order ID \(orderId\) must contain digits only/,
		],
		[
			'Return Shipment: no waybill',
			{
				operation: 'returnGoods',
				refundId: 'TQ1',
				logisticsCompanyNo: 'YUNDA',
				freightBill: '={{ $json.missing }}',
			},
			/^Item 1: Waybill number \(freightBill\) is required/,
		],
		[
			'Get: no refund id',
			{ operation: 'get', refundId: '={{ $json.missing }}' },
			/^Item 1: Refund ID \(refundId\) is required/,
		],
	])('%s is refused before sending', async (_name, parameters, message) => {
		await expectRefusedBeforeSending(local, { resource: 'refund', ...parameters }, message);
	});
});

describe('Address Book', () => {
	const local = useLocalServer({ seedOrders: 10 });
	const address = {
		name: 'zhang',
		phone: '18600888861',
		province: '浙江省',
		city: '杭州市',
		district: '西湖区',
		address: '转塘 1 号',
	};

	it('Create or Update adds, then updates by id; Get Many lists (inferred path)', async () => {
		const [saved] = await local.json({ resource: 'address', operation: 'upsert', ...address });
		expect(saved).toMatchObject({ saved: true, name: 'zhang' });
		expect(lastBody(local, '/v2/open/address/addOrUpdate')).toEqual(address);
		let book = await local.json({ resource: 'address', operation: 'getAll' });
		expect(book).toEqual([{ id: 1, ...address }]);
		await local.json({
			resource: 'address',
			operation: 'upsert',
			...address,
			city: '宁波市',
			additionalFields: { id: '1' },
		});
		expect(lastRequest(local, '/v2/open/address/addOrUpdate').rawBody).toContain('"id":1');
		book = await local.json({ resource: 'address', operation: 'getAll' });
		expect(book).toEqual([{ id: 1, ...address, city: '宁波市' }]);
	});

	it('refuses a phone that is not a number, and an empty district, before sending', async () => {
		await expectRefusedBeforeSending(
			local,
			{ resource: 'address', operation: 'upsert', ...address, phone: 'call me' },
			/^Item 1: Mobile \(phone\) must be a phone number/,
		);
		await expectRefusedBeforeSending(
			local,
			{ resource: 'address', operation: 'upsert', ...address, district: '={{ $json.missing }}' },
			/^Item 1: District \(district\) is required/,
		);
	});
});
