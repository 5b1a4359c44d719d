/** Taobao endpoints of the local server (pages: the endpoint table, model/endpoints.ts): goods, orders and logistics, cart, after-sales. */
import {
	taobaoBatchCheckSchema,
	taobaoCartAddSchema,
	taobaoCartDeleteSchema,
	taobaoCartEditSchema,
	taobaoCartOrderSchema,
	taobaoChatLinkSchema,
	taobaoImageSearchSchema,
	taobaoItemQuerySchema,
	taobaoLogisticsSchema,
	taobaoOrderCreateSchema,
	taobaoOrderIdSchema,
	taobaoOrderListSchema,
	taobaoOrderRenderSchema,
	taobaoPaymentVoucherSchema,
	taobaoRefundIdSchema,
	taobaoRefundListSchema,
	taobaoRefundLogisticsSchema,
	taobaoRefundMessageSchema,
	taobaoRefundModifySchema,
	taobaoRefundRenderSchema,
	taobaoRefundSubmitSchema,
	taobaoSearchSchema,
	taobaoSourceSchema,
	taobaoUpdateWarehouseSchema,
} from '../../../../nodes/PandaPon/model/taobao';
import { ENDPOINTS } from '../../../../nodes/PandaPon/model/endpoints';
import { validate, type RouteContext, type RouteHandler } from './route';
import { BusinessError } from '../store';
import { stateOf } from './state';

const key = (name: keyof typeof ENDPOINTS) => `${ENDPOINTS[name].method} ${ENDPOINTS[name].path}`;

/** The Taobao distribution items the local server sells (ids from the public docs' samples first). */
export const TAOBAO_ITEMS = [
	{
		itemId: '672991141190',
		mpId: 'mp672991141190',
		title: '夏季连衣裙',
		price: 9300,
		skuIds: ['3452545926724', '3452545926725'],
		quantity: 120,
	},
	{
		itemId: '600126245031041190',
		mpId: 'mp600126245031',
		title: '纯棉T恤',
		price: 100,
		skuIds: ['5016042822039'],
		quantity: 5000,
	},
	{
		itemId: '623457812345',
		mpId: 'mp623457812345',
		title: '蓝牙音箱',
		price: 15900,
		skuIds: ['4400000000001'],
		quantity: 0,
	},
];

const item = (itemId: string) => {
	const found = TAOBAO_ITEMS.find((i) => i.itemId === itemId);
	if (!found) throw new BusinessError(`商品不存在 (no Taobao item ${itemId})`);
	return found;
};

const itemView = (i: (typeof TAOBAO_ITEMS)[number]) => ({
	quantity: i.quantity,
	itemId: i.itemId,
	mpId: i.mpId,
	title: i.title,
	price: i.price,
	picUrls: [`https://img.alicdn.com/imgextra/${i.itemId}.jpg`],
	skus: i.skuIds.map((skuId) => ({ skuId, mpSkuId: `mps${skuId}`, price: i.price })),
});

const pageOf = <T>(rows: T[], pageNo: number, pageSize: number) => ({
	total: rows.length,
	pageNo,
	pageSize,
	data: rows.slice((pageNo - 1) * pageSize, pageNo * pageSize),
});

function createOrder(
	store: RouteContext['store'],
	lines: Array<{ itemId: string; quantity: string | number; price?: string | number }>,
	budget: number,
	extra: Record<string, unknown>,
) {
	let total = 0;
	for (const line of lines) {
		const found = item(String(line.itemId));
		if (Number(line.quantity) > found.quantity)
			throw new BusinessError(`库存不足 (item ${found.itemId}: ${found.quantity} in stock)`);
		total += found.price * Number(line.quantity);
	}
	if (total > budget)
		throw new BusinessError(
			`订单金额 ${total} 超过采购预算 ${budget} (the order costs more than purchaseAmount, in fen)`,
		);
	const state = stateOf(store);
	const n = state.nextTaobaoId++;
	const order = {
		salesOrderId: `40231188421165${String(54321 + n).padStart(5, '0')}`,
		purchaseOrderId: `20004885${String(9480 + n * 10).padStart(4, '0')}`,
		subPurchaseOrderId: `20004885${String(9481 + n * 10).padStart(4, '0')}`,
		totalFee: total,
		currency: 'CNY',
		status: 'WAIT_PAY',
		lines,
		...extra,
	};
	state.taobaoOrders.set(order.purchaseOrderId, order);
	return order;
}

function order(store: RouteContext['store'], orderId: string) {
	const found = stateOf(store).taobaoOrders.get(orderId);
	if (!found) throw new BusinessError(`订单不存在 (no Taobao order ${orderId})`);
	return found;
}

function refund(store: RouteContext['store'], refundId: string) {
	const found = stateOf(store).taobaoRefunds.get(refundId);
	if (!found) throw new BusinessError(`退款单不存在 (no Taobao refund ${refundId})`);
	return found;
}

const aggregate = (r: Record<string, unknown>) => ({
	distributorId: '1223655000541',
	currency: 'CNY',
	refundOrderAggregate: r,
});

function submitRefund({ body, store }: RouteContext) {
	const q = validate(taobaoRefundSubmitSchema, body);
	const parent = [...stateOf(store).taobaoOrders.values()].find(
		(o) => o.subPurchaseOrderId === q.subOrderId,
	);
	if (!parent) throw new BusinessError(`子订单不存在 (no sub-order ${q.subOrderId})`);
	if (parent.status !== 'PAID') throw new BusinessError('订单未付款 (the order is not paid)');
	if (q.refundFee > Number(parent.totalFee))
		throw new BusinessError(`退款金额超过可退金额 (at most ${String(parent.totalFee)} fen)`);
	const refundId = String(110002685755 + stateOf(store).taobaoRefunds.size);
	const record = {
		refundOrder: {
			refundId,
			payOrderId: parent.purchaseOrderId,
			refundType: q.refundType,
			goodsStatus: q.goodsStatus,
			refundStatus: 1,
			reasonId: q.reasonId,
			refundDesc: q.refundDesc ?? '',
			refundFee: q.refundFee,
		},
		logistics: {},
		purchaseOrderLine: {
			salesOrderId: parent.salesOrderId,
			purchaseOrderId: parent.purchaseOrderId,
			purchaseOrderLineId: q.subOrderId,
			totalPrice: parent.totalFee,
			currency: 'CNY',
		},
		messages: [] as unknown[],
	};
	stateOf(store).taobaoRefunds.set(refundId, record);
	return { refundId };
}

export const taobaoRoutes: Record<string, RouteHandler> = {
	[key('taobaoProductGet')]: ({ query }) =>
		itemView(item(validate(taobaoItemQuerySchema, query).itemId)),
	[key('taobaoProductInquiry')]: ({ query }) => {
		const found = item(validate(taobaoItemQuerySchema, query).itemId);
		return {
			itemId: found.itemId,
			canSell: found.quantity > 0,
			quantity: found.quantity,
			price: found.price,
		};
	},
	[key('taobaoProductBatchCheck')]: ({ body }) => {
		const q = validate(taobaoBatchCheckSchema, body);
		const wanted = JSON.parse(q.params) as Array<{ itemId: string; skuIds?: string[] }>;
		const known = wanted.filter((w) =>
			TAOBAO_ITEMS.some((i) => i.itemId === String(w.itemId) && i.quantity > 0),
		);
		return {
			mpProducts: known.map((w) => itemView(item(String(w.itemId)))),
			noMpProductItemIds: wanted.filter((w) => !known.includes(w)).map((w) => String(w.itemId)),
			noMpReasonList: wanted
				.filter((w) => !known.includes(w))
				.map(() => 'not a distribution item or out of stock'),
		};
	},
	[key('taobaoProductSearch')]: ({ body }) => {
		const q = validate(taobaoSearchSchema, body);
		const hits = TAOBAO_ITEMS.filter((i) => i.title.includes(q.keyword) || q.keyword === '*').map(
			itemView,
		);
		return pageOf(hits, q.pageNo, q.pageSize);
	},
	[key('taobaoProductImageSearch')]: ({ body }) => {
		const q = validate(taobaoImageSearchSchema, body);
		if (Buffer.from(q.imageBase64, 'base64').length < 8)
			throw new BusinessError('图片无法识别 (the image could not be read)', 400);
		return pageOf(TAOBAO_ITEMS.map(itemView), q.pageNo, q.pageSize);
	},
	[key('taobaoProductSource')]: ({ body }) => {
		const q = validate(taobaoSourceSchema, body);
		const found = item(q.itemId);
		return {
			itemId: found.itemId,
			description: `<p>${found.title}</p>`,
			language: q.language ?? 'en',
		};
	},

	[key('taobaoOrderRender')]: ({ body }) => {
		const q = validate(taobaoOrderRenderSchema, body);
		const lines = JSON.parse(q.orderLineList) as Array<{ itemId: string; quantity: string }>;
		const productFee = lines.reduce(
			(sum, l) => sum + item(String(l.itemId)).price * Number(l.quantity),
			0,
		);
		return {
			productFee,
			postFee: 0,
			totalFee: productFee,
			currency: 'CNY',
			canOrder: lines.every((l) => item(String(l.itemId)).quantity >= Number(l.quantity)),
		};
	},
	[key('taobaoOrderCreate')]: ({ body, store }) => {
		const q = validate(taobaoOrderCreateSchema, body);
		const created = createOrder(store, JSON.parse(q.orderLineList) as never, q.purchaseAmount, {
			receiver: JSON.parse(q.receiver),
			sellerOrderNumber: q.sellerOrderNumber,
			orderSource: q.orderSource,
		});
		return {
			purchaseOrderId: created.purchaseOrderId,
			salesOrderId: created.salesOrderId,
			totalFee: created.totalFee,
		};
	},
	[key('taobaoOrderList')]: ({ body, store }) => {
		const q = validate(taobaoOrderListSchema, body);
		const rows = [...stateOf(store).taobaoOrders.values()].filter(
			(o) =>
				(!q.purchaseOrderId || o.purchaseOrderId === q.purchaseOrderId) &&
				(!q.salesOrderId || o.salesOrderId === q.salesOrderId),
		);
		return pageOf(rows, q.pageNo, q.pageSize);
	},
	[key('taobaoOrderDetail')]: ({ query, store }) =>
		order(store, validate(taobaoOrderIdSchema, query).orderId),
	[key('taobaoOrderPay')]: ({ body, store }) => {
		const found = order(store, validate(taobaoOrderIdSchema, body).orderId);
		if (found.status !== 'WAIT_PAY')
			throw new BusinessError(`订单状态不允许付款 (order is ${String(found.status)})`);
		found.status = 'PAID';
		return { orderId: found.purchaseOrderId, paid: true };
	},
	[key('taobaoOrderCancel')]: ({ body, store }) => {
		const found = order(store, validate(taobaoOrderIdSchema, body).orderId);
		if (found.status !== 'WAIT_PAY')
			throw new BusinessError('订单已付款，不能取消 (only unpaid orders can be cancelled)');
		found.status = 'CANCELLED';
		return true;
	},
	[key('taobaoOrderPaymentVoucher')]: ({ body, store }) => {
		const q = validate(taobaoPaymentVoucherSchema, body);
		const found = order(store, q.orderId);
		found.paymentVoucher = {
			size: Buffer.from(q.imageBase64, 'base64').length,
			fileName: q.fileName ?? null,
		};
		return { orderId: found.purchaseOrderId, voucherReceived: true };
	},
	[key('taobaoOrderUpdateWarehouse')]: ({ body, store }) => {
		const q = validate(taobaoUpdateWarehouseSchema, body);
		const found = order(store, q.orderId);
		Object.assign(found, { warehouseName: q.warehouseName, warehouseAddress: q.warehouseAddress });
		return {
			orderId: found.purchaseOrderId,
			warehouseName: q.warehouseName,
			warehouseAddress: q.warehouseAddress,
		};
	},
	[key('taobaoOrderChatLink')]: ({ body }) => {
		const q = validate(taobaoChatLinkSchema, body);
		return `https://amos.alicdn.com/getcid.aw?sourceType=${q.sourceType}&bizId=${q.bizId}`;
	},
	[key('taobaoOrderLogistics')]: ({ query, store }) => {
		const q = validate(taobaoLogisticsSchema, query);
		const parent = [...stateOf(store).taobaoOrders.values()].find(
			(o) => o.subPurchaseOrderId === q.subPurchaseOrderId,
		);
		if (!parent && q.subPurchaseOrderId !== '200048859480')
			throw new BusinessError(`子订单不存在 (no sub-order ${q.subPurchaseOrderId})`);
		return {
			purchaseOrderOuterId: q.subPurchaseOrderId,
			pnmLogisticsDetails: [
				{
					mailNo: '773245998823401',
					logisticsTraces: [
						{
							statusDesc: '已揽收',
							province: '浙江省',
							city: '杭州市',
							district: '余杭区',
							action: 'GOT',
							facilityName: '杭州转运中心',
							time: '2025-04-25 10:02:11',
							standerdDesc: 'picked up',
							status: 'ACCEPT',
							nextCity: '杭州市',
							nextNodeName: '西湖网点',
						},
						{
							statusDesc: '已签收',
							province: '浙江省',
							city: '杭州市',
							district: '西湖区',
							action: 'SIGN',
							facilityName: '西湖网点',
							time: '2025-04-26 15:40:00',
							standerdDesc: 'delivered',
							status: 'SIGN',
							nextCity: '',
							nextNodeName: '',
						},
					],
					logisticsPartner: [{ companyImageUrl: '', company: '圆通速递', companyContact: '95554' }],
					receiver: {
						zipCode: '310024',
						address: '转塘 xxxxxxx',
						province: '浙江省',
						city: '杭州市',
						district: '西湖区',
						phone: '18600888861',
						name: 'zhang',
					},
					logisticsGoods: [
						{ title: '夏季连衣裙', property: '黑色 M', imageUrl: '', quantity: '1' },
					],
				},
			],
		};
	},

	[key('taobaoCartAdd')]: ({ body, store }) => {
		const q = validate(taobaoCartAddSchema, body);
		const state = stateOf(store);
		const id = String(state.taobaoCart.length + 1);
		state.taobaoCart.push({
			id,
			...q,
			shopId: q.shopId === undefined ? undefined : String(q.shopId),
			properties: q.properties ? (JSON.parse(q.properties) as unknown) : undefined,
		});
		return { cartId: id };
	},
	[key('taobaoCartList')]: ({ store }) => stateOf(store).taobaoCart,
	[key('taobaoCartDelete')]: ({ body, store }) => {
		const q = validate(taobaoCartDeleteSchema, body);
		const state = stateOf(store);
		for (const id of q.cartIds)
			if (!state.taobaoCart.some((l) => l.id === id))
				throw new BusinessError(`购物车商品不存在 (no cart line ${id})`);
		state.taobaoCart = state.taobaoCart.filter((l) => !q.cartIds.includes(String(l.id)));
		return true;
	},
	[key('taobaoCartEditQuantity')]: ({ body, store }) => {
		const q = validate(taobaoCartEditSchema, body);
		const line = stateOf(store).taobaoCart.find((l) => l.id === q.id);
		if (!line) throw new BusinessError(`购物车商品不存在 (no cart line ${q.id})`);
		line.quantity = q.quantity;
		return true;
	},
	[key('taobaoCartPreview')]: ({ body, store }) => {
		const q = validate(taobaoCartOrderSchema, body);
		const ids = q.ids.map(String);
		const lines = stateOf(store).taobaoCart.filter((l) => ids.includes(String(l.id)));
		if (lines.length !== ids.length)
			throw new BusinessError('购物车商品不存在 (unknown cart line)');
		const productFee = lines.reduce(
			(s, l) =>
				s +
				item(String(TAOBAO_ITEMS.find((i) => i.mpId === l.mpId)?.itemId ?? '')).price *
					Number(l.quantity),
			0,
		);
		// In fen, as the order create's purchaseAmount (the preview's own answer is not published).
		return { productFee, postFee: 0, totalFee: productFee, currency: 'CNY' };
	},
	[key('taobaoCartCreateOrder')]: ({ body, store }) => {
		const q = validate(taobaoCartOrderSchema, body);
		const state = stateOf(store);
		const ids = q.ids.map(String);
		const lines = state.taobaoCart.filter((l) => ids.includes(String(l.id)));
		if (lines.length !== ids.length)
			throw new BusinessError('购物车商品不存在 (unknown cart line)');
		const itemLines = lines.map((l) => ({
			itemId: TAOBAO_ITEMS.find((i) => i.mpId === l.mpId)?.itemId ?? '',
			quantity: Number(l.quantity),
		}));
		// No budget on this documented form (unlike Taobao order create).
		const created = createOrder(store, itemLines, Number.MAX_SAFE_INTEGER, {
			receiver: q.orderAddress,
		});
		state.taobaoCart = state.taobaoCart.filter((l) => !lines.includes(l));
		return { purchaseOrderId: created.purchaseOrderId, totalFee: created.totalFee };
	},

	[key('taobaoRefundList')]: ({ body, store }) => {
		const q = validate(taobaoRefundListSchema, body);
		const rows = [...stateOf(store).taobaoRefunds.values()].filter(
			(r) => !q.refundId || (r.refundOrder as { refundId: string }).refundId === q.refundId,
		);
		return pageOf(rows.map(aggregate), q.pageNo, q.pageSize);
	},
	[key('taobaoRefundRender')]: ({ body, store }) => {
		const q = validate(taobaoRefundRenderSchema, body);
		const parent = [...stateOf(store).taobaoOrders.values()].find(
			(o) => o.subPurchaseOrderId === q.subOrderId,
		);
		if (!parent) throw new BusinessError(`子订单不存在 (no sub-order ${q.subOrderId})`);
		return {
			refundOrderTemplate: {
				refundReasons: [
					{ reasonDesc: '不想要了', tips: '', reasonId: 1 },
					{ reasonDesc: '质量问题', tips: '请上传凭证', reasonId: 2 },
				],
				goodsStatusList: [1, 2],
				maxRefundFee: {
					minRefundFee: 0,
					refundFee: parent.totalFee,
					feeTips: 'fen',
					canEditRefundFee: true,
				},
			},
			distributorId: '1223655000541',
			currency: 'CNY',
			saleFlag: true,
		};
	},
	[key('taobaoRefundSubmit')]: submitRefund,
	[key('taobaoRefundModify')]: ({ body, store }) => {
		const q = validate(taobaoRefundModifySchema, body);
		const record = refund(store, q.refundId);
		Object.assign(record.refundOrder as object, {
			reasonId: q.reasonId,
			refundFee: q.refundFee,
			refundDesc: q.refundDesc ?? '',
		});
		return aggregate(record);
	},
	[key('taobaoRefundDetail')]: ({ query, store }) =>
		aggregate(refund(store, validate(taobaoRefundIdSchema, query).refundId)),
	[key('taobaoRefundCancel')]: ({ params, store }) => {
		const record = refund(store, validate(taobaoRefundIdSchema, params).refundId);
		(record.refundOrder as { refundStatus: number }).refundStatus = 4;
		return { cancelSuccess: true, ...aggregate(record) };
	},
	[key('taobaoRefundMessage')]: ({ body, store }) => {
		const q = validate(taobaoRefundMessageSchema, body);
		const record = refund(store, q.refundId);
		(record.messages as unknown[]).push({
			content: q.refundMessage,
			images: q.refundImages ?? [],
			time: Date.now(),
		});
		return true;
	},
	[key('taobaoRefundMessages')]: ({ body, store }) =>
		refund(store, validate(taobaoRefundIdSchema, body).refundId).messages,
	[key('taobaoRefundLogisticsRender')]: ({ query, store }) => {
		const record = refund(store, validate(taobaoRefundIdSchema, query).refundId);
		return {
			refundId: (record.refundOrder as { refundId: string }).refundId,
			companies: [
				{ code: 'YTO', name: '圆通速递' },
				{ code: 'ZTO', name: '中通快递' },
			],
		};
	},
	[key('taobaoRefundLogisticsSubmit')]: ({ body, store }) => {
		const q = validate(taobaoRefundLogisticsSchema, body);
		const record = refund(store, q.refundId);
		record.logistics = {
			logisticsCompany: { logisticsCompanyCode: q.logisticsCompanyCode },
			logisticsNo: q.logisticsNo,
		};
		return true;
	},
};
