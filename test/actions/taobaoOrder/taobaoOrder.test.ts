/** Taobao Order through n8n’s engine against the local server (with the bad-input table of the Taobao side). */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import {
	expectRefusedBeforeSending,
	imageItem,
	lastBody,
	lastRequest,
} from '../../support/helpers';
import {
	TAOBAO_LINES as LINES,
	TAOBAO_RECEIVER as RECEIVER,
	taobaoOrderParams as order,
} from '../../support/orderFixtures';

describe('Taobao Order and After-Sale', () => {
	const local = useLocalServer({ seedOrders: 10 });

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
			((tracking.pnmLogisticsDetails as IDataObject[])[0].logisticsTraces as IDataObject[]).at(-1)!
				.standerdDesc,
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
		expect((refund.refundOrderAggregate as { refundOrder: IDataObject }).refundOrder).toMatchObject(
			{ refundFee: 5000, refundDesc: 'half' },
		);
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
