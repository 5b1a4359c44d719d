/** Taobao Product, Order, Cart and After-Sale, and the custom call, through n8n's engine. */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../support/localServer';
import {
	expectRefusedBeforeSending,
	imageItem,
	lastBody,
	lastRequest,
	PNG_BYTES,
} from '../support/helpers';
import { TAOBAO_RECEIVER } from '../support/orderFixtures';

const RECEIVER = TAOBAO_RECEIVER;
const LINES = [
	{
		itemId: '672991141190',
		skuId: '3452545926724',
		orderLineNo: '1',
		quantity: '2',
		price: '9300',
		currency: 'CNY',
	},
];

describe('Taobao', () => {
	const local = useLocalServer({ seedOrders: 10 });
	const order = (extra: IDataObject = {}) => ({
		resource: 'taobaoOrder',
		operation: 'create',
		orderLinesInput: 'json',
		receiverInput: 'json',
		orderLineList: JSON.stringify(LINES),
		receiver: JSON.stringify(RECEIVER),
		budgetYuan: 200,
		...extra,
	});

	describe('Taobao Product', () => {
		it('Get sends itemId in the query of a GET', async () => {
			const [item] = await local.json({
				resource: 'taobaoProduct',
				operation: 'get',
				itemId: '672991141190',
			});
			expect(item).toMatchObject({ itemId: '672991141190', quantity: 120 });
			const request = lastRequest(local, '/v2/taobao/product/get');
			expect([request.method, request.query.itemId, request.rawBody]).toEqual([
				'GET',
				'672991141190',
				'',
			]);
		});

		it('Check Items sends params as a JSON string', async () => {
			const [check] = await local.json({
				resource: 'taobaoProduct',
				operation: 'checkBatch',
				params: JSON.stringify([
					{ itemId: '672991141190', skuIds: ['3452545926724'] },
					{ itemId: '623457812345', skuIds: [] },
				]),
			});
			expect(check.noMpProductItemIds).toEqual(['623457812345']);
			expect(typeof lastBody(local, '/open/product/batch/check').params).toBe('string');
			await expectRefusedBeforeSending(
				local,
				{ resource: 'taobaoProduct', operation: 'checkBatch', params: '[]' },
				/^Item 1: Items to check \(params\) must be a JSON array with at least one entry/,
			);
		});

		it('Search by Keyword pages with pageNo and refuses a page size over 40', async () => {
			const rows = await local.json({
				resource: 'taobaoProduct',
				operation: 'search',
				keyword: 'T恤',
				returnAll: true,
			});
			expect(rows.map((r) => r.itemId)).toEqual(['600126245031041190']);
			expect(lastBody(local, '/v2/taobao/product/item/search')).toMatchObject({
				keyword: 'T恤',
				pageNo: 1,
				pageSize: 20,
			});
			await expectRefusedBeforeSending(
				local,
				{
					resource: 'taobaoProduct',
					operation: 'search',
					keyword: 'x',
					returnAll: true,
					options: { pageSize: 41 },
				},
				/^Item 1: Page Size must be a whole number from 1 to 40/,
			);
		});

		it('Search by Image (inferred) sends the binary image', async () => {
			const rows = await local.json(
				{
					resource: 'taobaoProduct',
					operation: 'searchByImage',
					imageSource: 'binary',
					binaryPropertyName: 'data',
					limit: 2,
				},
				{ items: [imageItem()] },
			);
			expect(rows).toHaveLength(2);
			expect(
				Buffer.from(
					String(lastBody(local, '/v2/taobao/product/image/search').imageBase64),
					'base64',
				).equals(PNG_BYTES),
			).toBe(true);
			await expectRefusedBeforeSending(
				local,
				{
					resource: 'taobaoProduct',
					operation: 'searchByImage',
					imageSource: 'binary',
					binaryPropertyName: 'data',
					limit: 2,
				},
				/no binary property "data"/,
				[{}],
			);
		});

		it('Inquire (inferred) and Get Source Goods', async () => {
			const [inquiry] = await local.json({
				resource: 'taobaoProduct',
				operation: 'inquire',
				itemId: '623457812345',
			});
			expect(inquiry).toMatchObject({ canSell: false });
			const [source] = await local.json({
				resource: 'taobaoProduct',
				operation: 'getSource',
				itemId: '672991141190',
				language: 'vi',
			});
			expect(source).toMatchObject({ itemId: '672991141190', language: 'vi' });
			await expectRefusedBeforeSending(
				local,
				{ resource: 'taobaoProduct', operation: 'getSource', itemId: '={{ $json.missing }}' },
				/^Item 1: Item ID \(itemId\) is required/,
			);
		});
	});

	describe('Taobao Order and After-Sale', () => {
		it('Create and Preview in Fields mode send the same JSON text as the JSON mode; lines unnumbered are numbered', async () => {
			const row: IDataObject = { ...LINES[0] };
			delete row.orderLineNo;
			const fields: IDataObject = { ...RECEIVER };
			delete fields.phone; // an empty field is left out
			await local.json({
				resource: 'taobaoOrder',
				operation: 'render',
				orderLines: { line: [row] },
				receiverFields: { value: { ...fields, phone: '' } },
			});
			const previewed = lastBody(local, '/open/order/render');
			expect(JSON.parse(String(previewed.orderLineList))).toEqual(LINES);
			expect(JSON.parse(String(previewed.receiver))).toEqual(fields);
			await local.json({
				resource: 'taobaoOrder',
				operation: 'create',
				orderLines: { line: [row] },
				receiverFields: { value: fields },
				budgetYuan: 200,
			});
			expect(JSON.parse(String(lastBody(local, '/open/order').orderLineList))).toEqual(LINES);
		});

		it('Refund Get Many sends the date pickers as epoch milliseconds', async () => {
			await local.json({
				resource: 'taobaoRefund',
				operation: 'getAll',
				limit: 5,
				additionalFields: {
					refundStartTime: '2026-01-02T03:04:05.000Z',
					refundEndTime: '2026-02-01',
				},
			});
			const body = lastBody(local, '/open/order/refund/queryList');
			expect([body.refundStartTime, body.refundEndTime]).toEqual([
				Date.parse('2026-01-02T03:04:05.000Z'),
				Date.parse('2026-02-01'),
			]);
		});

		it.each<[string, IDataObject, RegExp]>([
			[
				'nothing filled in (the defaults)',
				{ budgetYuan: 200 },
				/^Item 1: Order lines \(orderLineList\) must be a JSON array with at least one entry|^Item 1: .*Recipient name \(name\) is required/,
			],
			[
				'a line whose quantity is mapped to an empty value',
				{
					orderLines: { line: [{ itemId: '672991141190', quantity: '={{ "" }}' }] },
					receiverFields: { value: RECEIVER },
					budgetYuan: 200,
				},
				/^Item 1: Order line #1: Quantity \(quantity\) is required/,
			],
			[
				'a line without quantity (n8n itself refuses a required field left empty)',
				{
					orderLines: { line: [{ itemId: '672991141190' }] },
					receiverFields: { value: RECEIVER },
					budgetYuan: 200,
				},
				/Parameter "Quantity" is required/,
			],
			[
				'no receiver',
				{ orderLines: { line: [LINES[0]] }, budgetYuan: 200 },
				/^Item 1: .*Recipient name \(name\) is required/,
			],
		])('Create with %s is refused before sending', async (_name, params, message) => {
			await expectRefusedBeforeSending(
				local,
				{ resource: 'taobaoOrder', operation: 'create', ...params },
				message,
			);
		});

		it('Render, Create (JSON-text fields, budget in fen), Get, Pay, Get Many, logistics, chat link, warehouse, voucher', async () => {
			const [render] = await local.json({
				resource: 'taobaoOrder',
				operation: 'render',
				orderLinesInput: 'json',
				receiverInput: 'json',
				orderLineList: JSON.stringify(LINES),
				receiver: JSON.stringify(RECEIVER),
			});
			expect(render).toMatchObject({ productFee: 18600, canOrder: true });

			const [created] = await local.json(order());
			const body = lastBody(local, '/open/order');
			expect(typeof body.orderLineList).toBe('string');
			expect(JSON.parse(String(body.receiver))).toEqual(RECEIVER);
			expect(body.purchaseAmount).toBe(20000);
			const orderId = String(created.purchaseOrderId);

			const [detail] = await local.json({ resource: 'taobaoOrder', operation: 'get', orderId });
			expect(detail.status).toBe('WAIT_PAY');
			const [paid] = await local.json({
				resource: 'taobaoOrder',
				operation: 'pay',
				useUnverifiedEndpoint: true,
				orderId,
			});
			expect(paid).toMatchObject({ paid: true });
			const listed = await local.json({
				resource: 'taobaoOrder',
				operation: 'getAll',
				returnAll: true,
			});
			expect(listed.map((o) => o.purchaseOrderId)).toContain(orderId);

			const [tracking] = await local.json({
				resource: 'taobaoOrder',
				operation: 'getLogistics',
				subPurchaseOrderId: String(detail.subPurchaseOrderId),
			});
			expect(
				((tracking.pnmLogisticsDetails as IDataObject[])[0].logisticsTraces as IDataObject[]).at(
					-1,
				)!.standerdDesc,
			).toBe('delivered');
			const [chat] = await local.json({
				resource: 'taobaoOrder',
				operation: 'getChatLink',
				bizId: '234576234',
			});
			expect(chat.chatUrl).toMatch(/bizId=234576234/);
			const [moved] = await local.json({
				resource: 'taobaoOrder',
				operation: 'updateWarehouse',
				orderId,
				warehouseName: 'Yiwu 2',
				warehouseAddress: '义乌市 1 号',
			});
			expect(moved).toMatchObject({ warehouseName: 'Yiwu 2' });
			const [voucher] = await local.json(
				{
					resource: 'taobaoOrder',
					operation: 'uploadPaymentVoucher',
					useUnverifiedEndpoint: true,
					orderId,
					imageBase64BinaryProperty: 'data',
				},
				{ items: [imageItem('transfer.png')] },
			);
			expect(voucher).toMatchObject({ voucherReceived: true });

			// After-sales on the paid order.
			const [form] = await local.json({
				resource: 'taobaoRefund',
				operation: 'render',
				subOrderId: String(detail.subPurchaseOrderId),
				refundType: 1,
				goodsStatus: 1,
			});
			const reasonId = ((form.refundOrderTemplate as IDataObject).refundReasons as IDataObject[])[0]
				.reasonId;
			const [submitted] = await local.json({
				resource: 'taobaoRefund',
				operation: 'create',
				useUnverifiedEndpoint: true,
				subOrderId: String(detail.subPurchaseOrderId),
				refundType: 1,
				goodsStatus: 1,
				reasonId,
				refundFee: 9300,
			});
			const refundId = String(submitted.refundId);
			await local.json({
				resource: 'taobaoRefund',
				operation: 'update',
				useUnverifiedEndpoint: true,
				refundId,
				subOrderId: String(detail.subPurchaseOrderId),
				refundType: 1,
				goodsStatus: 1,
				reasonId,
				refundFee: 5000,
				additionalFields: { refundDesc: 'half' },
			});
			const [refund] = await local.json({
				resource: 'taobaoRefund',
				operation: 'get',
				refundId,
				simplify: false,
			});
			expect(
				(refund.refundOrderAggregate as { refundOrder: IDataObject }).refundOrder,
			).toMatchObject({ refundFee: 5000, refundDesc: 'half' });
			// Simplify (default): the refund flattened to what a person or a model acts on.
			const [compact] = await local.json({ resource: 'taobaoRefund', operation: 'get', refundId });
			expect(compact).toMatchObject({
				refundId,
				refundFee: 5000,
				refundDesc: 'half',
				currency: 'CNY',
				purchaseOrderId: String(detail.purchaseOrderId),
			});
			expect(compact).not.toHaveProperty('refundOrderAggregate');
			await local.json({
				resource: 'taobaoRefund',
				operation: 'postMessage',
				refundId,
				refundMessage: 'photos attached',
			});
			const messages = await local.json({
				resource: 'taobaoRefund',
				operation: 'getMessages',
				refundId,
			});
			expect(messages.map((m) => m.content)).toEqual(['photos attached']);
			const [returnForm] = await local.json({
				resource: 'taobaoRefund',
				operation: 'getReturnLogistics',
				refundId,
			});
			await local.json({
				resource: 'taobaoRefund',
				operation: 'submitReturnLogistics',
				useUnverifiedEndpoint: true,
				refundId,
				logisticsCompanyCode: (returnForm.companies as IDataObject[])[0].code,
				logisticsNo: 'YT123',
			});
			const all = await local.json({
				resource: 'taobaoRefund',
				operation: 'getAll',
				returnAll: true,
			});
			expect(all).toHaveLength(1);
			const [cancelled] = await local.json({
				resource: 'taobaoRefund',
				operation: 'cancel',
				refundId,
			});
			expect(cancelled.cancelSuccess).toBe(true);
			const cancelRequest = lastRequest(local, `/v2/taobao/order/refund/cancel/${refundId}`);
			expect(cancelRequest.method).toBe('GET'); // the id is in the path
		});

		it('Create over budget: PandaPon refuses and nothing is created', async () => {
			const result = await local.run(order({ budgetYuan: 1 }));
			expect(result.error?.message).toMatch(/PandaPon error 500: .*purchaseAmount/);
		});

		it('Cancel (inferred) an unpaid order', async () => {
			const [created] = await local.json(order());
			const [cancelled] = await local.json({
				resource: 'taobaoOrder',
				operation: 'cancel',
				useUnverifiedEndpoint: true,
				orderId: String(created.purchaseOrderId),
			});
			expect(cancelled).toEqual({ result: true });
			const [detail] = await local.json({
				resource: 'taobaoOrder',
				operation: 'get',
				orderId: String(created.purchaseOrderId),
			});
			expect(detail.status).toBe('CANCELLED');
		});

		it.each<[string, IDataObject, RegExp]>([
			[
				'Create: lines not JSON',
				order({ orderLineList: '[{"itemId": ' }),
				/^Item 1: Order Lines \(JSON\) is not valid JSON/,
			],
			[
				'Create: receiver is a list',
				order({ receiver: '[]' }),
				/^Item 1: Receiver \(JSON\) must be a JSON object/,
			],
			[
				'Create: no budget',
				order({ budgetYuan: 0 }),
				/^Item 1: Budget \(CNY\) must be an amount of yuan above 0 \(got 0\)/,
			],
			// A workflow saved with the old Budget (Fen) loses that field in n8n, and the new one is 0: refused.
			[
				'Create: a workflow saved with the old Budget (Fen)',
				order({ budgetYuan: undefined, purchaseAmount: 20000 }),
				/^Item 1: Budget \(CNY\) must be an amount of yuan above 0 \(got 0\)/,
			],
			[
				'Logistics: sub-order with letters',
				{ resource: 'taobaoOrder', operation: 'getLogistics', subPurchaseOrderId: 'SP200048' },
				/^Item 1: Sub purchase order ID \(subPurchaseOrderId\) must contain digits only/,
			],
			[
				'Chat link: no id',
				{
					resource: 'taobaoOrder',
					operation: 'getChatLink',
					sourceType: 'item',
					bizId: '={{ $json.missing }}',
				},
				/^Item 1: Item ID \(bizId\) is required/,
			],
			[
				'Refund: fractional fee',
				{
					resource: 'taobaoRefund',
					operation: 'create',
					useUnverifiedEndpoint: true,
					subOrderId: '1',
					refundType: 1,
					goodsStatus: 1,
					reasonId: 1,
					refundFee: 1.5,
				},
				/^Item 1: Refund amount in fen \(refundFee\) must be a whole number/,
			],
			[
				'Refund cancel: id with letters',
				{ resource: 'taobaoRefund', operation: 'cancel', refundId: 'R-1' },
				/^Item 1: Refund ID \(refundId\) must contain digits only/,
			],
			[
				'Refund message: empty',
				{
					resource: 'taobaoRefund',
					operation: 'postMessage',
					refundId: '1',
					refundMessage: '={{ $json.missing }}',
				},
				/^Item 1: Message \(refundMessage\) is required/,
			],
			[
				'Product get: no item id',
				{ resource: 'taobaoProduct', operation: 'get', itemId: '={{ $json.missing }}' },
				/^Item 1: Item ID \(itemId\) is required/,
			],
			[
				'Inquire: no item id',
				{ resource: 'taobaoProduct', operation: 'inquire', itemId: '={{ $json.missing }}' },
				/^Item 1: Item ID \(itemId\) is required/,
			],
			[
				'Render: receiver not JSON',
				{
					resource: 'taobaoOrder',
					operation: 'render',
					orderLinesInput: 'json',
					receiverInput: 'json',
					orderLineList: JSON.stringify(LINES),
					receiver: '{name:',
				},
				/^Item 1: Receiver \(JSON\) is not valid JSON/,
			],
			[
				'Get order: id with letters',
				{ resource: 'taobaoOrder', operation: 'get', orderId: 'TB-1' },
				/^Item 1: Order ID \(orderId\) must contain digits only/,
			],
			[
				'Pay: no order id',
				{
					resource: 'taobaoOrder',
					operation: 'pay',
					useUnverifiedEndpoint: true,
					orderId: '={{ $json.missing }}',
				},
				/^Item 1: Order ID \(orderId\) is required/,
			],
			[
				'Cancel order: id with letters',
				{
					resource: 'taobaoOrder',
					operation: 'cancel',
					useUnverifiedEndpoint: true,
					orderId: 'x1',
				},
				/^Item 1: Order ID \(orderId\) must contain digits only/,
			],
			[
				'Get Many orders: limit 0',
				{ resource: 'taobaoOrder', operation: 'getAll', limit: 0 },
				/^Item 1: Limit must be a whole number of at least 1/,
			],
			[
				'Warehouse: no address',
				{
					resource: 'taobaoOrder',
					operation: 'updateWarehouse',
					orderId: '1',
					warehouseName: 'W',
					warehouseAddress: '={{ $json.missing }}',
				},
				/^Item 1: Warehouse address \(warehouseAddress\) is required/,
			],
			[
				'Payment voucher: no binary',
				{
					resource: 'taobaoOrder',
					operation: 'uploadPaymentVoucher',
					useUnverifiedEndpoint: true,
					orderId: '1',
					imageBase64BinaryProperty: 'scan',
				},
				/^Item 1: Input Binary Field: the input item has no binary property "scan"/,
			],
			[
				'Refund render: refund type as words',
				{
					resource: 'taobaoRefund',
					operation: 'render',
					subOrderId: '1',
					refundType: '={{ "refund" }}',
					goodsStatus: 1,
				},
				/^Item 1: Refund type \(refundType\) must be a whole number/,
			],
			[
				'Refund update: id with letters',
				{
					resource: 'taobaoRefund',
					operation: 'update',
					useUnverifiedEndpoint: true,
					refundId: 'R1',
					subOrderId: '1',
					refundType: 1,
					goodsStatus: 1,
					reasonId: 1,
					refundFee: 1,
				},
				/^Item 1: Refund ID \(refundId\) must contain digits only/,
			],
			[
				'Refund get: no id',
				{ resource: 'taobaoRefund', operation: 'get', refundId: '={{ $json.missing }}' },
				/^Item 1: Refund ID \(refundId\) is required/,
			],
			[
				'Refund messages: id with letters',
				{ resource: 'taobaoRefund', operation: 'getMessages', refundId: 'abc' },
				/^Item 1: Refund ID \(refundId\) must contain digits only/,
			],
			[
				'Return form: id with letters',
				{ resource: 'taobaoRefund', operation: 'getReturnLogistics', refundId: 'abc' },
				/^Item 1: Refund ID \(refundId\) must contain digits only/,
			],
			[
				'Return shipment: no waybill',
				{
					resource: 'taobaoRefund',
					operation: 'submitReturnLogistics',
					useUnverifiedEndpoint: true,
					refundId: '1',
					logisticsCompanyCode: 'YTO',
					logisticsNo: '={{ $json.missing }}',
				},
				/^Item 1: Waybill number \(logisticsNo\) is required/,
			],
			[
				'Refund list: a time that is not a number',
				{
					resource: 'taobaoRefund',
					operation: 'getAll',
					limit: 5,
					additionalFields: { refundStartTime: '={{ "yesterday" }}' },
				},
				/^Item 1: Created After must be a date \(got "yesterday"\)/,
			],
		])('%s is refused before sending', async (_name, parameters, message) => {
			await expectRefusedBeforeSending(local, parameters, message);
		});
	});

	describe('Taobao Cart (inferred paths)', () => {
		it('Add (properties as JSON text), Get Many, Update Quantity, Preview, Create Order, Delete', async () => {
			const props = [{ propId: '1627207', propName: '颜色', valueId: '28341', valueName: '黑色' }];
			await local.json({
				resource: 'taobaoCart',
				operation: 'add',
				mpId: 'mp672991141190',
				mpSkuId: 'mps3452545926724',
				quantity: 1,
				additionalFields: { price: 9300, properties: JSON.stringify(props) },
			});
			expect(typeof lastBody(local, '/v2/taobao/cart/add').properties).toBe('string');
			await local.json({
				resource: 'taobaoCart',
				operation: 'add',
				mpId: 'mp600126245031',
				mpSkuId: 'mps5016042822039',
				quantity: 3,
				additionalFields: { price: 100 },
			});
			const lines = await local.json({ resource: 'taobaoCart', operation: 'getAll' });
			expect(lines.map((l) => l.mpId)).toEqual(['mp672991141190', 'mp600126245031']);
			await local.json({
				resource: 'taobaoCart',
				operation: 'updateQuantity',
				useUnverifiedEndpoint: true,
				id: String(lines[0].id),
				quantity: 2,
			});
			const [preview] = await local.json({
				resource: 'taobaoCart',
				operation: 'preview',
				ids: String(lines[0].id),
				orderAddress: { value: RECEIVER },
			});
			expect(preview.productFee).toBe(18600);
			const [created] = await local.json({
				resource: 'taobaoCart',
				operation: 'createOrder',
				ids: String(lines[0].id),
				orderAddressMode: 'json',
				orderAddressJson: JSON.stringify(RECEIVER),
			});
			expect(created.totalFee).toBe(18600);
			await local.json({
				resource: 'taobaoCart',
				operation: 'delete',
				useUnverifiedEndpoint: true,
				cartIds: String(lines[1].id),
			});
			expect(await local.json({ resource: 'taobaoCart', operation: 'getAll' })).toEqual([]);
		});

		it.each<[string, IDataObject, RegExp]>([
			[
				'Add: no mpSkuId',
				{ operation: 'add', mpId: 'mp1', mpSkuId: '={{ $json.missing }}', quantity: 1 },
				/^Item 1: Distribution SKU ID \(mpSkuId\) is required/,
			],
			[
				'Add: properties not a list',
				{
					operation: 'add',
					mpId: 'mp1',
					mpSkuId: 's',
					quantity: 1,
					additionalFields: { properties: '{}' },
				},
				/^Item 1: Properties \(properties\) must be a JSON array/,
			],
			[
				'Update: quantity 0',
				{ operation: 'updateQuantity', useUnverifiedEndpoint: true, id: '1', quantity: 0 },
				/^Item 1: Quantity \(quantity\) must be at least 1/,
			],
			[
				'Create Order: no cart ids',
				{
					operation: 'createOrder',
					ids: '={{ $json.missing }}',
					orderAddress: { value: RECEIVER },
				},
				/^Item 1: Cart IDs \(ids\) are required/,
			],
			[
				'Create Order: cart id with letters',
				{ operation: 'createOrder', ids: '75, x', orderAddress: { value: RECEIVER } },
				/^Item 1: Cart ID #2: Cart IDs \(ids\) must contain digits only/,
			],
			[
				'Preview: no recipient',
				{ operation: 'preview', ids: '1', orderAddress: { value: { ...RECEIVER, name: ' ' } } },
				/^Item 1: .*Recipient name \(name\) is required/,
			],
			[
				'Create Order: address JSON is a list',
				{ operation: 'createOrder', ids: '1', orderAddressMode: 'json', orderAddressJson: '[]' },
				/^Item 1: Address \(JSON\) must be a JSON object/,
			],
			[
				'Delete: id with letters',
				{ operation: 'delete', useUnverifiedEndpoint: true, cartIds: 'one' },
				/^Item 1: Cart ID #1: Cart IDs \(cartIds\) must contain digits only/,
			],
		])('%s is refused before sending', async (_name, parameters, message) => {
			await expectRefusedBeforeSending(local, { resource: 'taobaoCart', ...parameters }, message);
		});
	});

	describe('Custom API Call', () => {
		it('sends a signed request to any path, 19-digit ids intact both ways', async () => {
			const [page] = await local.json({
				resource: 'custom',
				operation: 'call',
				method: 'POST',
				path: '/v2/alibaba/order/page',
				query: '{}',
				body: '{"pageNum": 1, "pageSize": 2}',
			});
			expect((page.data as IDataObject[])[0].tbOrderId).toMatch(/^\d{19}$/);
			const first = local.server.store.all()[0].tbOrderId;
			const [detail] = await local.json({
				resource: 'custom',
				operation: 'call',
				method: 'POST',
				path: '/alibaba/order/detail',
				query: '{}',
				body: `{"webSite": "1688", "orderId": ${first}}`,
			});
			expect((detail.baseInfo as IDataObject).idOfStr).toBe(first);
			expect(lastRequest(local, '/alibaba/order/detail').rawBody).toContain(`"orderId": ${first}}`); // sent exactly as typed
		});

		it('refuses a full URL as a path and a body that is not JSON, before sending', async () => {
			await expectRefusedBeforeSending(
				local,
				{
					resource: 'custom',
					operation: 'call',
					method: 'GET',
					path: 'https://evil.example/steal',
					query: '{}',
				},
				/^Item 1: API Path "https:\/\/evil.example\/steal" must be a path starting with \//,
			);
			await expectRefusedBeforeSending(
				local,
				{
					resource: 'custom',
					operation: 'call',
					method: 'POST',
					path: '/x',
					query: '{}',
					body: '{oops',
				},
				/^Item 1: Body \(JSON\) is not valid JSON/,
			);
		});
	});
});
