/** 1688 order endpoints of the local server (pages: the endpoint table, model/endpoints.ts). */
import { ENDPOINTS } from '../../../../nodes/PandaPon/model/endpoints';
import {
	cancelSchema,
	createBatchSchema,
	createSchema,
	decryptSchema,
	orderDetailSchema,
	orderIdQuerySchema,
	orderListSchema,
	paySchema,
	previewBatchSchema,
	previewSchema,
	receiveGoodsSchema,
} from '../../../../nodes/PandaPon/model/order';
import { jsonInteger } from '../../../../nodes/PandaPon/model/json';
import { validate, ValidationError, type RouteContext, type RouteHandler } from './route';
import { BusinessError, ORDER_STATUS, PAY_STATUS, type Order } from '../store';
import { orderDetailView, orderListView } from '../views';

const key = (name: keyof typeof ENDPOINTS) => `${ENDPOINTS[name].method} ${ENDPOINTS[name].path}`;

function timeBound(value: string | number | undefined): number | undefined {
	if (value === undefined || value === '') return undefined;
	const ms =
		typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
	if (!Number.isFinite(ms))
		throw new ValidationError(`参数错误 (orderTimeBegin/orderTimeEnd: unreadable date "${value}")`);
	return ms;
}

function list({ body, store }: RouteContext) {
	const q = validate(orderListSchema, body);
	const begin = timeBound(q.orderTimeBegin);
	const end = timeBound(q.orderTimeEnd);
	const users = q.userIdList?.length ? new Set(q.userIdList) : undefined;
	const rows = store
		.listed()
		.filter(
			(o) =>
				(!q.orderNo || o.orderNo === q.orderNo) &&
				(!q.tbOrderId || o.tbOrderId === q.tbOrderId) &&
				(q.orderStatus === undefined || o.orderStatus === q.orderStatus) &&
				(!users || users.has(o.userId)) &&
				(begin === undefined || o.createTime >= begin) &&
				(end === undefined || o.createTime <= end),
		);
	// A server may cap the page size (PandaPon publishes no maximum): the offset then follows the capped size.
	const size = store.maxPageSize ? Math.min(q.pageSize, store.maxPageSize) : q.pageSize;
	const start = (q.pageNum - 1) * size;
	return {
		total: rows.length,
		data: rows.slice(start, start + size).map(orderListView),
		code: 200,
		msg: null,
	};
}

function detail({ body, store }: RouteContext) {
	const q = validate(orderDetailSchema, body);
	return orderDetailView(store.require(q.orderId));
}

function preview({ body, store }: RouteContext) {
	const q = validate(previewSchema, body);
	if (store.groupBySeller(q.cargoParamList).length > 1) {
		throw new BusinessError(
			'一次预览只能包含一个卖家的商品 (preview takes one seller; use the batch preview)',
		);
	}
	return store.preview(q.cargoParamList);
}

function previewBatch({ body, store }: RouteContext) {
	const q = validate(previewBatchSchema, body);
	return store.groupBySeller(q.cargoParamList).map((lines) => ({
		sellerOpenId: lines[0].sellerOpenId,
		...store.preview(lines),
	}));
}

function createOrders(
	store: RouteContext['store'],
	q: ReturnType<typeof createSchema.parse>,
): Order[] {
	const groups = store.groupBySeller(q.cargoParamList);
	// Check every group first so a bad line creates nothing.
	for (const lines of groups) {
		const check = store.preview(lines);
		if (!check.success) throw new BusinessError(check.errorMsg ?? 'preview failed');
	}
	return groups.map((lines) =>
		store.create({
			flow: q.flow,
			address: q.addressParam,
			cargo: lines,
			userId: q.userId,
			staffName: q.staffName,
			message: q.message,
			tradeType: q.tradeType,
			shopPromotionId: q.shopPromotionId,
			platformOrder: q.platformOrder,
		}),
	);
}

function createBatch({ body, store }: RouteContext) {
	const q = validate(createBatchSchema, body);
	return createOrders(store, q).map(orderDetailView);
}

function payUrl({ query, store }: RouteContext) {
	const q = validate(orderIdQuerySchema, query);
	const order = store.require(q.orderId);
	const payable =
		order.payStatus === PAY_STATUS.unpaid && order.orderStatus === ORDER_STATUS.awaitingPayment;
	return {
		orderId: order.tbOrderId,
		protocolPaySuccess: false,
		payUrl: payable ? `https://trade.1688.com/order/cashier.htm?orderId=${order.tbOrderId}` : null,
		cantPayOrderList: payable ? [] : [jsonInteger(order.tbOrderId)],
	};
}

/** Bulk submit for payment. The real response is undocumented: this server answers per-order results. */
function pay({ body, store }: RouteContext) {
	const q = validate(paySchema, body);
	const unknown = q.orderIds.find((id) => !store.get(id));
	if (unknown) throw new BusinessError(`订单不存在 (order ${unknown} not found)`);
	const paid: string[] = [];
	const failed: Array<{ orderId: string; reason: string }> = [];
	for (const id of q.orderIds) {
		try {
			store.pay(id);
			paid.push(id);
		} catch (error) {
			failed.push({ orderId: id, reason: (error as Error).message });
		}
	}
	if (paid.length === 0)
		throw new BusinessError(`支付失败 (${failed.map((f) => f.reason).join('; ')})`);
	return { successOrderIds: paid, failOrderList: failed };
}

function cancel({ body, store }: RouteContext) {
	const q = validate(cancelSchema, body);
	store.cancel(q.orderId, q.cancelReason);
	return true;
}

function receiveGoods({ body, store }: RouteContext) {
	const q = validate(receiveGoodsSchema, body);
	store.confirmReceipt(q.orderId, q.orderEntryIds);
	return { success: true, errorInfo: '', errorCode: '' };
}

function logistics({ query, store }: RouteContext) {
	const q = validate(orderIdQuerySchema, query);
	const order = store.require(q.orderId);
	if (!order.logistics) return [];
	return [
		{
			logisticsId: order.logistics.logisticsId,
			logisticsBillNo: order.logistics.logisticsBillNo,
			logisticsCompanyName: order.logistics.logisticsCompanyName,
			orderId: jsonInteger(order.tbOrderId),
			logisticsSteps: order.logistics.steps,
		},
	];
}

function decrypt({ body, store }: RouteContext) {
	const q = validate(decryptSchema, body);
	const seller = store.catalog.seller(q.openUid);
	if (!seller) throw new BusinessError(`解密失败 (unknown openUid ${q.openUid})`);
	return seller.nickname;
}

export const orderRoutes: Record<string, RouteHandler> = {
	[key('orderList')]: list,
	[key('orderDetail')]: detail,
	[key('orderPreview')]: preview,
	[key('orderPreviewBatch')]: previewBatch,
	[key('orderCreateBatch')]: createBatch,
	[key('orderPayUrl')]: payUrl,
	[key('orderPay')]: pay,
	[key('orderCancel')]: cancel,
	[key('orderReceiveGoods')]: receiveGoods,
	[key('orderLogistics')]: logistics,
	[key('sellerDecrypt')]: decrypt,
};
