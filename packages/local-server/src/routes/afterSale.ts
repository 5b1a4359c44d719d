/** 1688 after-sales and address-book endpoints of the local server (pages: the endpoint table, model/endpoints.ts). */
import {
	addressUpsertSchema,
	refundCreateSchema,
	refundInfoSchema,
	refundReasonsSchema,
	refundReturnGoodsSchema,
	refundVoucherSchema,
} from '../../../../nodes/PandaPon/model/refund';
import { ENDPOINTS } from '../../../../nodes/PandaPon/model/endpoints';
import { validate, ValidationError, type RouteContext, type RouteHandler } from './route';
import { BusinessError, ORDER_STATUS, productAmountFen } from '../store';
import { idText, stateOf } from './state';

const key = (name: keyof typeof ENDPOINTS) => `${ENDPOINTS[name].method} ${ENDPOINTS[name].path}`;

const REASONS = [
	{ id: 20006, name: '尺码不合适 (wrong size)' },
	{ id: 20007, name: '质量问题 (quality problem)' },
	{ id: 20008, name: '少件/漏发 (missing items)' },
	{ id: 20009, name: '不想要了 (no longer wanted)' },
];

const CARRIERS = [
	{ companyNo: 'YUNDA', companyName: '韵达快递' },
	{ companyNo: 'ZTO', companyName: '中通快递' },
	{ companyNo: 'STO', companyName: '申通快递' },
	{ companyNo: 'SF', companyName: '顺丰速运' },
];

function info({ body, query, store }: RouteContext) {
	const q = validate(refundInfoSchema, body);
	if (query.refundId !== undefined && query.refundId !== q.refundId) {
		throw new ValidationError('参数错误 (refundId in the query and the body differ)');
	}
	const refund = stateOf(store).refunds.get(q.refundId);
	if (!refund) throw new BusinessError(`售后单不存在 (no refund ${q.refundId})`);
	return refund;
}

function reasons({ body, store }: RouteContext) {
	const q = validate(refundReasonsSchema, body);
	const order = store.require(idText(q.orderId));
	if (order.payStatus !== 2)
		throw new BusinessError('订单未付款，不能申请售后 (the order is not paid)');
	return REASONS.map((r) => ({ ...r, needVoucher: r.id === 20007, goodsStatus: q.goodsStatus }));
}

function voucher({ body, store }: RouteContext) {
	const q = validate(refundVoucherSchema, body);
	const bytes = Buffer.from(q.imageBase64, 'base64');
	const png = bytes
		.subarray(0, 8)
		.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
	if (!png && !jpeg)
		throw new BusinessError(
			'凭证必须是 JPG 或 PNG 图片 (the voucher must be a JPG or PNG image)',
			400,
		);
	const state = stateOf(store);
	const url = `https://cbu01.alicdn.com/refund/voucher/${state.vouchers.length + 1}-${bytes.length}.${png ? 'png' : 'jpg'}`;
	state.vouchers.push(url);
	return { voucherUrl: url, size: bytes.length, fileName: q.fileName ?? null };
}

function create({ body, store }: RouteContext) {
	const q = validate(refundCreateSchema, body);
	const order = store.require(idText(q.orderId));
	if (order.payStatus !== 2)
		throw new BusinessError('订单未付款，不能申请售后 (the order is not paid)');
	if (order.orderStatus === ORDER_STATUS.cancelled)
		throw new BusinessError('订单已取消 (the order is cancelled)');
	if (!REASONS.some((r) => r.id === q.applyReasonId))
		throw new BusinessError(`售后原因不存在 (no reason ${q.applyReasonId})`);
	if (q.applyPayment > productAmountFen(order)) {
		throw new BusinessError(
			`退款金额超过商品金额 (refund ${q.applyPayment} fen is more than the goods, ${productAmountFen(order)} fen)`,
		);
	}
	const refundId = `TQ${order.tbOrderId}`;
	store.refund(order.tbOrderId, refundId, q.applyPayment);
	const now = new Date().toISOString();
	stateOf(store).refunds.set(refundId, {
		id: refundId,
		refundId,
		orderId: order.tbOrderId,
		createTime: now,
		updateTime: now,
		applyPayment: q.applyPayment,
		applyCarriage: q.applyCarriage,
		applyReasonId: q.applyReasonId,
		applyReason: REASONS.find((r) => r.id === q.applyReasonId)?.name,
		disputeRequest: q.disputeRequest,
		goodsStatus: q.goodsStatus,
		description: q.description,
		vouchers: q.vouchers ?? [],
		buyerSendGoods: false,
		status: 'waitselleragree',
	});
	return { refundId };
}

function returnGoods({ body, store }: RouteContext) {
	const q = validate(refundReturnGoodsSchema, body);
	const refund = stateOf(store).refunds.get(q.refundId);
	if (!refund) throw new BusinessError(`售后单不存在 (no refund ${q.refundId})`);
	if (!CARRIERS.some((c) => c.companyNo === q.logisticsCompanyNo)) {
		throw new BusinessError(`物流公司不存在 (no carrier ${q.logisticsCompanyNo})`);
	}
	Object.assign(refund, {
		buyerSendGoods: true,
		buyerLogisticsName: q.logisticsCompanyNo,
		freightBill: q.freightBill,
		status: 'waitsellerreceive',
	});
	return true;
}

function upsertAddress({ body, store }: RouteContext) {
	const q = validate(addressUpsertSchema, body);
	const state = stateOf(store);
	const { id, ...fields } = q;
	if (id !== undefined) {
		const existing = state.addresses.find((a) => String(a.id) === idText(id));
		if (!existing) throw new BusinessError(`地址不存在 (no address ${idText(id)})`);
		Object.assign(existing, fields);
	} else {
		state.addresses.push({ id: state.nextAddressId++, ...fields });
	}
	return undefined; // only {code, msg} are documented for this endpoint
}

export const afterSaleRoutes: Record<string, RouteHandler> = {
	[key('refundInfo')]: info,
	[key('refundReasons')]: reasons,
	[key('refundUploadVoucher')]: voucher,
	[key('refundCreate')]: create,
	[key('refundReturnGoods')]: returnGoods,
	[key('refundLogisticsCompanies')]: () => CARRIERS,
	[key('addressUpsert')]: upsertAddress,
	[key('addressList')]: ({ store }) => stateOf(store).addresses,
};
