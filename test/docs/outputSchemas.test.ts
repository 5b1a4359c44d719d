/**
 * Output schemas, as n8n's own nodes ship them (nodes/<Node>/__schema__/v<version>/<resource>/<operation>.json), so
 * that downstream nodes list the fields of a PandaPon step before it has run, and n8n's request for one never gets a
 * 404. Each schema is inferred from what the operation really returns against the local server (default options:
 * Simplify on): one walk runs every operation in turn, as a user would (order, pay, ship, refund …).
 *
 *   UPDATE_SCHEMAS=1 npx jest test/docs/outputSchemas.test.ts   rewrites the files
 *
 * Otherwise the test fails when an operation has no file, when its output has a field its schema does not list, or
 * when a file is left over from an operation that no longer exists.
 */
import fs from 'fs';
import path from 'path';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { PandaPon } from '../../nodes/PandaPon/PandaPon.node';
import { signPush } from '../../nodes/PandaPon/model/pushSignature';
import { useLocalServer, type Local } from '../support/localServer';
import {
	ADDRESS,
	numericLine,
	orderParams,
	otherSellerLine,
	sampleLine,
	TAOBAO_RECEIVER,
} from '../support/orderFixtures';
import { imageItem, nodeOperations } from '../support/helpers';
import { SAMPLE } from '../../packages/local-server/src/catalog';
import { ORDER_STATUS } from '../../packages/local-server/src/store';

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
	return {
		type: typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'string',
	};
}

/** Field paths a schema lists ("items[].name"). */
function paths(schema: Schema | undefined, prefix = ''): string[] {
	if (!schema) return [];
	if (schema.type === 'array')
		return [prefix, ...paths(schema.items, `${prefix}[]`)].filter(Boolean);
	if (schema.type !== 'object') return prefix ? [prefix] : [];
	return [
		...(prefix ? [prefix] : []),
		...Object.entries(schema.properties ?? {}).flatMap(([key, child]) =>
			paths(child, prefix ? `${prefix}.${key}` : key),
		),
	];
}

/** Every operation of the node, as the Operation dropdowns list them. */
const properties = new PandaPon().description.properties as INodeProperties[];
const OPERATIONS = nodeOperations(properties).map(
	([resource, operation]) => `${resource}.${operation}`,
);

/**
 * What the Signed API Call returns depends on the path the user calls: its file is an object without fields, which
 * n8n takes as "no preview" (instead of asking, getting a 404 and logging it).
 */
const NO_FIXED_SHAPE = new Set(['custom.call']);

type Step = { parameters: IDataObject; items?: IDataObject[] };
type Walk = Array<
	[
		operation: string,
		step: (
			local: Local,
			out: (operation: string) => IDataObject,
		) => Step | IDataObject | Promise<Step | IDataObject>,
	]
>;

const orderWith = (local: Local, status: number, skip = 0) =>
	String(local.server.store.all().filter((o) => o.orderStatus === status)[skip]?.tbOrderId);
const RECEIVER = TAOBAO_RECEIVER;
const TAOBAO_LINES = [
	{
		itemId: '672991141190',
		skuId: '3452545926724',
		orderLineNo: '1',
		quantity: '2',
		price: '9300',
		currency: 'CNY',
	},
];
const taobaoOrder = {
	orderLinesInput: 'json',
	receiverInput: 'json',
	orderLineList: JSON.stringify(TAOBAO_LINES),
	receiver: JSON.stringify(RECEIVER),
};

/** The walk, in an order where each step finds what it needs (a paid order, a refund, a cart line) made by the ones before. */
const WALK: Walk = [
	['account.checkConnection', () => ({})],
	['order.getAll', () => ({ returnAll: false, limit: 100 })],
	['order.get', (local) => ({ orderId: orderWith(local, ORDER_STATUS.shipped) })],
	['order.preview', () => orderParams('preview', [sampleLine(2)])],
	[
		'order.previewBatch',
		(local) =>
			orderParams('previewBatch', [
				numericLine(1),
				otherSellerLine(local.server.store.catalog, 1, true),
			]),
	],
	['order.create', () => orderParams('create', [sampleLine(1)])],
	[
		'order.createBatch',
		(local) =>
			orderParams('createBatch', [sampleLine(1), otherSellerLine(local.server.store.catalog, 1)]),
	],
	['order.getLogistics', (local) => ({ orderId: orderWith(local, ORDER_STATUS.shipped) })],
	['order.getPaymentUrl', (local) => ({ orderId: orderWith(local, ORDER_STATUS.awaitingPayment) })],
	['order.pay', (local) => ({ orderIds: orderWith(local, ORDER_STATUS.awaitingPayment) })],
	[
		'order.cancel',
		(local) => ({
			orderId: orderWith(local, ORDER_STATUS.awaitingPayment),
			cancelReason: 'buyerCancel',
		}),
	],
	['order.confirmReceipt', (local) => ({ orderId: orderWith(local, ORDER_STATUS.shipped, 1) })],
	['order.decryptWangwang', () => ({ offerId: SAMPLE.offerId, openUid: SAMPLE.sellerOpenId })],
	['product.get', () => ({ offerId: SAMPLE.offerId, country: 'en' })],
	['product.search', () => ({ keyword: 'handbag', returnAll: false, limit: 10 })],
	[
		'product.searchByImage',
		() => ({
			parameters: { imageSource: 'binary', binaryPropertyName: 'data', limit: 5 },
			items: [imageItem()],
		}),
	],
	[
		'product.searchStore',
		() => ({ sellerOpenId: SAMPLE.sellerOpenId, returnAll: false, limit: 10 }),
	],
	['product.searchGlobalSelection', () => ({ keyword: 'handbag', returnAll: false, limit: 10 })],
	['product.searchStrictSelection', () => ({ keyword: 'handbag', returnAll: false, limit: 10 })],
	['product.getRelated', () => ({ offerId: SAMPLE.offerMapId, returnAll: false, limit: 10 })],
	['product.getRecommendations', () => ({ returnAll: false, limit: 10 })],
	['product.getHotList', () => ({ returnAll: false, limit: 10 })],
	['product.getCategory', () => ({ categoryId: '1038378', language: 'en' })],
	[
		'cart.add',
		() => ({
			useUnverifiedEndpoint: true,
			offerMapId: SAMPLE.offerMapId,
			specId: SAMPLE.specId,
			quantity: 2,
			sellerOpenId: SAMPLE.sellerOpenId,
		}),
	],
	['cart.getAll', () => ({})],
	['cart.updateQuantity', (_local, out) => ({ id: String(out('cart.getAll').id), quantity: 3 })],
	[
		'cart.preview',
		(_local, out) => ({
			cartIds: String(out('cart.getAll').id),
			addressMode: 'fields',
			address: { value: ADDRESS },
		}),
	],
	[
		'cart.createOrder',
		(_local, out) => ({
			cartIds: String(out('cart.getAll').id),
			flow: 'general',
			addressMode: 'fields',
			address: { value: ADDRESS },
		}),
	],
	[
		'cart.delete',
		async (local) => {
			// Create Order took the first line out of the cart: a second one to delete.
			await local.json({
				resource: 'cart',
				operation: 'add',
				useUnverifiedEndpoint: true,
				offerMapId: SAMPLE.offerMapId,
				specId: SAMPLE.specId,
				quantity: 1,
				sellerOpenId: SAMPLE.sellerOpenId,
			});
			const [line] = await local.json({ resource: 'cart', operation: 'getAll' });
			return { useUnverifiedEndpoint: true, cartIds: String(line.id) };
		},
	],
	[
		'refund.getReasons',
		(local) => ({
			orderId: orderWith(local, ORDER_STATUS.awaitingShipment),
			goodsStatus: 'refundWaitSellerSend',
		}),
	],
	[
		'refund.uploadVoucher',
		() => ({
			parameters: { useUnverifiedEndpoint: true, imageBase64BinaryProperty: 'data' },
			items: [imageItem('box.png')],
		}),
	],
	[
		'refund.create',
		(local, out) => ({
			orderId: orderWith(local, ORDER_STATUS.awaitingShipment),
			disputeRequest: 'refund',
			goodsStatus: 'refundWaitSellerSend',
			applyPayment: 100,
			applyCarriage: 0,
			applyReasonId: Number(out('refund.getReasons').id),
			description: 'wrong size',
			additionalFields: { vouchers: JSON.stringify([out('refund.uploadVoucher').voucherUrl]) },
		}),
	],
	['refund.get', (_local, out) => ({ refundId: String(out('refund.create').refundId) })],
	['refund.getLogisticsCompanies', () => ({})],
	[
		'refund.returnGoods',
		(_local, out) => ({
			refundId: String(out('refund.create').refundId),
			logisticsCompanyNo: String(out('refund.getLogisticsCompanies').companyNo),
			freightBill: '4312345678901',
		}),
	],
	[
		'address.upsert',
		() => ({
			name: 'zhang',
			phone: '18600888861',
			province: '浙江省',
			city: '杭州市',
			district: '西湖区',
			address: '转塘 1 号',
		}),
	],
	['address.getAll', () => ({})],
	['taobaoProduct.get', () => ({ itemId: '672991141190' })],
	[
		'taobaoProduct.checkBatch',
		() => ({
			params: JSON.stringify([
				{ itemId: '672991141190', skuIds: ['3452545926724'] },
				{ itemId: '623457812345', skuIds: [] },
			]),
		}),
	],
	['taobaoProduct.search', () => ({ keyword: 'T恤', returnAll: false, limit: 10 })],
	[
		'taobaoProduct.searchByImage',
		() => ({
			parameters: { imageSource: 'binary', binaryPropertyName: 'data', limit: 5 },
			items: [imageItem()],
		}),
	],
	['taobaoProduct.inquire', () => ({ itemId: '623457812345' })],
	['taobaoProduct.getSource', () => ({ itemId: '672991141190', language: 'en' })],
	['taobaoOrder.render', () => taobaoOrder],
	['taobaoOrder.create', () => ({ ...taobaoOrder, budgetYuan: 200 })],
	[
		'taobaoOrder.get',
		(_local, out) => ({ orderId: String(out('taobaoOrder.create').purchaseOrderId) }),
	],
	[
		'taobaoOrder.pay',
		(_local, out) => ({
			useUnverifiedEndpoint: true,
			orderId: String(out('taobaoOrder.create').purchaseOrderId),
		}),
	],
	['taobaoOrder.getAll', () => ({ returnAll: false, limit: 10 })],
	[
		'taobaoOrder.getLogistics',
		(_local, out) => ({ subPurchaseOrderId: String(out('taobaoOrder.get').subPurchaseOrderId) }),
	],
	['taobaoOrder.getChatLink', () => ({ bizId: '234576234' })],
	[
		'taobaoOrder.updateWarehouse',
		(_local, out) => ({
			orderId: String(out('taobaoOrder.create').purchaseOrderId),
			warehouseName: 'Yiwu 2',
			warehouseAddress: '义乌市 1 号',
		}),
	],
	[
		'taobaoOrder.uploadPaymentVoucher',
		(_local, out) => ({
			parameters: {
				useUnverifiedEndpoint: true,
				orderId: String(out('taobaoOrder.create').purchaseOrderId),
				imageBase64BinaryProperty: 'data',
			},
			items: [imageItem('transfer.png')],
		}),
	],
	[
		'taobaoOrder.cancel',
		async (local) => {
			const [unpaid] = await local.json({
				resource: 'taobaoOrder',
				operation: 'create',
				...taobaoOrder,
				budgetYuan: 200,
			});
			return { useUnverifiedEndpoint: true, orderId: String(unpaid.purchaseOrderId) };
		},
	],
	[
		'taobaoRefund.render',
		(_local, out) => ({
			subOrderId: String(out('taobaoOrder.get').subPurchaseOrderId),
			refundType: 1,
			goodsStatus: 1,
		}),
	],
	[
		'taobaoRefund.create',
		(_local, out) => ({
			useUnverifiedEndpoint: true,
			subOrderId: String(out('taobaoOrder.get').subPurchaseOrderId),
			refundType: 1,
			goodsStatus: 1,
			reasonId: (
				(out('taobaoRefund.render').refundOrderTemplate as IDataObject)
					.refundReasons as IDataObject[]
			)[0].reasonId,
			refundFee: 9300,
		}),
	],
	[
		'taobaoRefund.update',
		(_local, out) => ({
			useUnverifiedEndpoint: true,
			refundId: String(out('taobaoRefund.create').refundId),
			subOrderId: String(out('taobaoOrder.get').subPurchaseOrderId),
			refundType: 1,
			goodsStatus: 1,
			reasonId: (
				(out('taobaoRefund.render').refundOrderTemplate as IDataObject)
					.refundReasons as IDataObject[]
			)[0].reasonId,
			refundFee: 5000,
			additionalFields: { refundDesc: 'half' },
		}),
	],
	[
		'taobaoRefund.get',
		(_local, out) => ({ refundId: String(out('taobaoRefund.create').refundId) }),
	],
	[
		'taobaoRefund.postMessage',
		(_local, out) => ({
			refundId: String(out('taobaoRefund.create').refundId),
			refundMessage: 'photos attached',
		}),
	],
	[
		'taobaoRefund.getMessages',
		(_local, out) => ({ refundId: String(out('taobaoRefund.create').refundId) }),
	],
	[
		'taobaoRefund.getReturnLogistics',
		(_local, out) => ({ refundId: String(out('taobaoRefund.create').refundId) }),
	],
	[
		'taobaoRefund.submitReturnLogistics',
		(_local, out) => ({
			useUnverifiedEndpoint: true,
			refundId: String(out('taobaoRefund.create').refundId),
			logisticsCompanyCode: String(
				(out('taobaoRefund.getReturnLogistics').companies as IDataObject[])[0].code,
			),
			logisticsNo: 'YT123',
		}),
	],
	['taobaoRefund.getAll', () => ({ returnAll: true })],
	[
		'taobaoRefund.cancel',
		(_local, out) => ({ refundId: String(out('taobaoRefund.create').refundId) }),
	],
	[
		'taobaoCart.add',
		() => ({
			mpId: 'mp672991141190',
			mpSkuId: 'mps3452545926724',
			quantity: 2,
			additionalFields: { price: 9300 },
		}),
	],
	['taobaoCart.getAll', () => ({})],
	[
		'taobaoCart.updateQuantity',
		(_local, out) => ({
			useUnverifiedEndpoint: true,
			id: String(out('taobaoCart.getAll').id),
			quantity: 3,
		}),
	],
	[
		'taobaoCart.preview',
		(_local, out) => ({
			ids: String(out('taobaoCart.getAll').id),
			orderAddress: { value: RECEIVER },
		}),
	],
	[
		'taobaoCart.createOrder',
		(_local, out) => ({
			ids: String(out('taobaoCart.getAll').id),
			orderAddressMode: 'json',
			orderAddressJson: JSON.stringify(RECEIVER),
		}),
	],
	[
		'taobaoCart.delete',
		async (local) => {
			// Create Order took the first line out of the cart: a second one to delete.
			await local.json({
				resource: 'taobaoCart',
				operation: 'add',
				mpId: 'mp600126245031',
				mpSkuId: 'mps5016042822039',
				quantity: 1,
				additionalFields: { price: 100 },
			});
			const [line] = await local.json({ resource: 'taobaoCart', operation: 'getAll' });
			return { useUnverifiedEndpoint: true, cartIds: String(line.id) };
		},
	],
	[
		'push.verify',
		(local) => {
			const paid = String(
				local.server.store.all().find((o) => o.orderStatus === ORDER_STATUS.awaitingShipment)
					?.tbOrderId,
			);
			const body = JSON.stringify({
				messageType: '1688_ORDER_PAY_SUCCESS',
				messagePlatform: 1,
				timestamp: String(Date.now()),
				messageBody: { orderId: paid },
			}).replace(`"${paid}"`, paid);
			return {
				parameters: { rawBodyField: 'data', signatureCheck: 'reject', events: ['*'], options: {} },
				items: [
					{
						headers: {
							'content-type': 'application/json',
							authorization: signPush(body, local.server.keys.accessSecret),
						},
						params: {},
						query: {},
						body: JSON.parse(body) as IDataObject,
						$binary: {
							data: { data: Buffer.from(body).toString('base64'), mimeType: 'application/json' },
						},
					},
				],
			};
		},
	],
];

const fileOf = (operation: string) => path.join(DIR, ...operation.split('.')) + '.json';

describe('output schemas (__schema__)', () => {
	const local = useLocalServer({ seedOrders: 60 });
	const outputs = new Map<string, IDataObject[]>();
	const failures = new Map<string, string>();

	beforeAll(async () => {
		const out = (operation: string) => {
			const items = outputs.get(operation);
			if (!items?.length) throw new Error(`${operation} gave no output earlier in the walk`);
			return items[0];
		};
		for (const [operation, make] of WALK) {
			const [resource, op] = operation.split('.');
			try {
				const made = await make(local, out);
				const step = (made as Step).parameters
					? (made as Step)
					: { parameters: made as IDataObject };
				outputs.set(
					operation,
					await local.json(
						{ resource, operation: op, ...step.parameters },
						step.items ? { items: step.items } : {},
					),
				);
			} catch (error) {
				failures.set(operation, (error as Error).message);
			}
		}
	}, 120_000);

	it('walks every operation of the node except the Signed API Call (its shape is the path’s)', () => {
		const walked = WALK.map(([operation]) => operation);
		expect(
			OPERATIONS.filter(
				(operation) => !walked.includes(operation) && !NO_FIXED_SHAPE.has(operation),
			),
		).toEqual([]);
	});

	it.each(WALK.map(([operation]) => operation))(
		'%s: the schema file lists every field the operation returns',
		(operation) => {
			expect(failures.get(operation)).toBeUndefined();
			const items = outputs.get(operation) ?? [];
			expect(items.length).toBeGreaterThan(0);
			const inferred = infer(items)!;
			const file = fileOf(operation);
			if (process.env.UPDATE_SCHEMAS === '1') {
				fs.mkdirSync(path.dirname(file), { recursive: true });
				fs.writeFileSync(file, `${JSON.stringify(inferred, null, '\t')}\n`);
			}
			expect(fs.existsSync(file)).toBe(true);
			const shipped = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
			const missing = paths(inferred).filter((p) => !paths(shipped).includes(p));
			expect(missing).toEqual([]);
		},
	);

	it('an operation without a fixed shape ships an object without fields (no preview, and no 404)', () => {
		for (const operation of NO_FIXED_SHAPE) {
			expect(JSON.parse(fs.readFileSync(fileOf(operation), 'utf8'))).toEqual({
				type: 'object',
				properties: {},
			});
		}
	});

	it('ships no schema for an operation the node does not have', () => {
		const shipped = fs
			.readdirSync(DIR)
			.flatMap((resource) =>
				fs
					.readdirSync(path.join(DIR, resource))
					.map((file) => `${resource}.${file.replace(/\.json$/, '')}`),
			);
		expect(shipped.filter((operation) => !OPERATIONS.includes(operation))).toEqual([]);
		expect(OPERATIONS.filter((operation) => !shipped.includes(operation))).toEqual([]);
	});

	it('the build copies the schemas next to the compiled node, where n8n serves them', () => {
		const gulpfile = fs.readFileSync(path.join(__dirname, '..', '..', 'gulpfile.js'), 'utf8');
		expect(gulpfile).toMatch(/__schema__/);
	});
});
