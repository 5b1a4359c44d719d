/**
 * Output shapes of the order operations, the n8n way:
 * - Simplify (default): a compact order with what a person or a model needs (ids as text, statuses with labels,
 *   amounts in yuan, seller, created time, lines), a small fraction of PandaPon's answer;
 * - enriched (Simplify off + Add Readable Fields): the whole answer, plus yuan beside every fen amount, the
 *   JSON-string fields parsed (losslessly) and status labels;
 * - raw (Simplify off): PandaPon's answer as it came (ids still exact).
 * Labels only where a public sample shows the code (others get null on purpose).
 */
import type { IDataObject } from 'n8n-workflow';

import { parseJson } from '../model/json';

/**
 * Status labels seen in the order list samples (doc-th.pandapon.com/api-289190488). A code PandaPon does not publish gets no label (the raw code stays in
 * orderStatus/payStatus/refundStatus, and `stage`, read from the order's own dates, says where the order is): a
 * label "unpublished code 2" beside stage "paid" only confused.
 */
export const ORDER_STATUS_LABELS: Record<string, string> = { '1': 'awaiting payment' };
export const PAY_STATUS_LABELS: Record<string, string> = { '1': 'unpaid', '2': 'paid' };
export const REFUND_STATUS_LABELS: Record<string, string> = { '0': 'no refund' };

/** 1688 trade status strings of the order-detail object (as seen in order-detail samples; not published as a list). */
export const TRADE_STATUS_LABELS: Record<string, string> = {
	waitbuyerpay: 'awaiting payment',
	waitsellersend: 'awaiting shipment',
	waitbuyerreceive: 'shipped',
	confirm_goods: 'receipt confirmed',
	success: 'completed',
	cancel: 'cancelled',
	terminated: 'terminated',
};

const ORDER_JSON_FIELDS = ['cargoParamList', 'receiver', 'warehouseAddressInfo', 'orderJson'];
const ITEM_JSON_FIELDS = ['skuInfos', 'productImgUrl'];
const ORDER_FEN_FIELDS = [
	'productAmount',
	'shippingFee',
	'totalAmount',
	'discount',
	'refundAmount',
];
const ITEM_FEN_FIELDS = ['price', 'itemAmount', 'refund'];

export function fenToYuan(fen: unknown): number | null {
	if (fen === null || fen === undefined || fen === '') return null;
	const value = Number(fen);
	return Number.isFinite(value) ? Math.round(value) / 100 : null;
}

/** An amount in fen as a person reads it: "232.00 CNY". */
export const cnyText = (fen: number): string => `${(fenToYuan(fen) ?? 0).toFixed(2)} CNY`;

function parseEmbedded(value: unknown): unknown {
	if (typeof value !== 'string' || value.trim() === '') return value;
	try {
		return parseJson(value);
	} catch {
		return value; // not JSON after all: keep the text
	}
}

function label(table: Record<string, string>, code: unknown): string | null {
	if (code === null || code === undefined || code === '') return null;
	return table[String(code)] ?? null;
}

/**
 * Where an order is, read from its own dates and close reason (no status code needed): closed, completed,
 * shipped, paid or awaiting payment; null when the row says nothing.
 */
export function orderStage(order: IDataObject): string | null {
	// The dates sit on the order's lines (orderDetailInfoVOS) in PandaPon's sample, and may sit on the order.
	const lines = Array.isArray(order.orderDetailInfoVOS)
		? (order.orderDetailInfoVOS as IDataObject[])
		: [];
	const filled = (o: IDataObject, field: string) =>
		o[field] !== null && o[field] !== undefined && o[field] !== '';
	const set = (field: string) => filled(order, field) || lines.some((line) => filled(line, field));
	if (set('closeReason')) return 'closed';
	if (set('dealSuccessTime')) return 'completed';
	if (set('deliverGoodsTime')) return 'shipped';
	if (set('payTime') || String(order.payStatus) === '2') return 'paid';
	if (String(order.payStatus) === '1') return 'awaiting payment';
	return null;
}

function withYuan(source: IDataObject, fields: string[]): IDataObject {
	const out: IDataObject = { ...source };
	for (const field of fields) {
		if (field in source) out[`${field}Yuan`] = fenToYuan(source[field]);
	}
	return out;
}

/** One row of the 1688 order list (AlibabaBackSelectOrderVO), whole, with readable fields added. */
export function enrichOrder(order: IDataObject): IDataObject {
	const out = withYuan(order, ORDER_FEN_FIELDS);
	for (const field of ORDER_JSON_FIELDS)
		if (field in out) out[field] = parseEmbedded(out[field]) as IDataObject;
	out.orderStatusLabel = label(ORDER_STATUS_LABELS, order.orderStatus);
	out.stage = orderStage(order);
	out.payStatusLabel = label(PAY_STATUS_LABELS, order.payStatus);
	out.refundStatusLabel = label(REFUND_STATUS_LABELS, order.refundStatus);
	if (Array.isArray(order.orderDetailInfoVOS)) {
		out.orderDetailInfoVOS = (order.orderDetailInfoVOS as IDataObject[]).map((item) => {
			const simple = withYuan(item, ITEM_FEN_FIELDS);
			for (const field of ITEM_JSON_FIELDS)
				if (field in simple) simple[field] = parseEmbedded(simple[field]) as IDataObject;
			return simple;
		});
	}
	return out;
}

/** The 1688 order-detail object, whole: amounts there are probably yuan already (the unit is not published), so none are converted. */
export function enrichOrderDetail(detail: IDataObject): IDataObject {
	const base = (detail.baseInfo ?? {}) as IDataObject;
	const status = typeof base.status === 'string' ? base.status : null;
	return {
		orderId: (base.idOfStr as string) ?? (base.id !== undefined ? String(base.id) : null),
		status,
		statusLabel: status ? (TRADE_STATUS_LABELS[status] ?? null) : null,
		...detail,
	};
}

/** Leaves out what PandaPon did not fill (null), so a compact item carries only what is known. */
function known(object: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
	);
}

const text = (value: unknown): string | null =>
	value === null || value === undefined || value === '' ? null : String(value);

/** "颜色: 黑印黑色, 尺码: S" from the JSON-text skuInfos of an order line. */
function skuText(skuInfos: unknown): string | null {
	const parsed = parseEmbedded(skuInfos);
	if (!Array.isArray(parsed)) return text(parsed);
	const parts = (parsed as IDataObject[]).map(
		(p) => `${String(p.name ?? '')}: ${String(p.value ?? '')}`,
	);
	return parts.length ? parts.join(', ') : null;
}

/**
 * One row of the 1688 order list, compact: the fields a person or a model acts on. Money in yuan (the list
 * sends fen); ids as text; names as PandaPon spells them, so a switch to the raw answer keeps them.
 */
export function compactOrder(order: IDataObject): IDataObject {
	const items = Array.isArray(order.orderDetailInfoVOS)
		? (order.orderDetailInfoVOS as IDataObject[])
		: [];
	// What a person reads first (the Table view shows the first columns): the order, its state, its money in yuan.
	return known({
		tbOrderId: text(order.tbOrderId),
		orderStatusLabel: label(ORDER_STATUS_LABELS, order.orderStatus),
		stage: orderStage(order),
		totalAmountYuan: fenToYuan(order.totalAmount),
		payStatusLabel: label(PAY_STATUS_LABELS, order.payStatus),
		createTime: text(order.createTime),
		sellerLoginId: text(order.sellerLoginId),
		productAmountYuan: fenToYuan(order.productAmount),
		shippingFeeYuan: fenToYuan(order.shippingFee),
		discountYuan: fenToYuan(order.discount),
		refundAmountYuan: fenToYuan(order.refundAmount),
		refundStatusLabel: label(REFUND_STATUS_LABELS, order.refundStatus),
		// One order id, the one every operation takes (PandaPon's own orderNo and record id are in Simplify off).
		orderStatus: order.orderStatus ?? null,
		payStatus: order.payStatus ?? null,
		refundStatus: order.refundStatus ?? null,
		logisticsStatus: order.logisticsStatus ?? null,
		userId: text(order.userId),
		message: text(order.message),
		closeReason: text(order.closeReason),
		items: items.map((item) =>
			known({
				subTbOrderId: text(item.subTbOrderId),
				name: text(item.name),
				sku: skuText(item.skuInfos),
				quantity: item.quantity ?? null,
				unit: text(item.unit),
				priceYuan: fenToYuan(item.price),
				itemAmountYuan: fenToYuan(item.itemAmount),
				specId: text(item.specId),
				skuId: text(item.skuId),
				offerId: text(item.productId),
			}),
		),
	});
}

/** The 1688 order-detail object, compact. Its amounts are passed as sent: 1688's trade object uses yuan (the unit is not published). */
export function compactOrderDetail(detail: IDataObject): IDataObject {
	const base = (detail.baseInfo ?? {}) as IDataObject;
	const status = typeof base.status === 'string' ? base.status : null;
	const logistics = ((detail.nativeLogistics ?? {}) as IDataObject).logisticsItems;
	return known({
		orderId: text(base.idOfStr) ?? text(base.id),
		status,
		statusLabel: status ? (TRADE_STATUS_LABELS[status] ?? null) : null,
		totalAmountYuan: base.totalAmount ?? null,
		shippingFeeYuan: base.shippingFee ?? null,
		sellerLoginId: text(base.sellerLoginId),
		createTime: text(base.createTime),
		payTime: text(base.payTime),
		items: (Array.isArray(detail.productItems) ? (detail.productItems as IDataObject[]) : []).map(
			(item) =>
				known({
					subItemId: text(item.subItemIDString) ?? text(item.subItemID),
					name: text(item.name),
					quantity: item.quantity ?? null,
					priceYuan: item.price ?? null,
					itemAmountYuan: item.itemAmount ?? null,
					offerId: text(item.productID),
					skuId: text(item.skuID),
					specId: text(item.specId),
				}),
		),
		parcels: (Array.isArray(logistics) ? (logistics as IDataObject[]) : []).map((parcel) =>
			known({
				company: text(parcel.logisticsCompanyName),
				billNo: text(parcel.logisticsBillNo),
				status: text(parcel.status),
			}),
		),
	});
}

/**
 * A Taobao refund (refundOrderAggregate), compact: its state, amount, reason, the order line and
 * the return parcel. refundFee is passed as sent, with its currency: PandaPon publishes no unit for it.
 */
export function compactTaobaoRefund(answer: IDataObject): IDataObject {
	const aggregate = (answer.refundOrderAggregate ?? answer) as IDataObject;
	const refund = (aggregate.refundOrder ?? {}) as IDataObject;
	const line = (aggregate.purchaseOrderLine ?? {}) as IDataObject;
	const logistics = (aggregate.logistics ?? {}) as IDataObject;
	const company = (logistics.logisticsCompany ?? {}) as IDataObject;
	return known({
		refundId: text(refund.refundId),
		refundStatus: refund.refundStatus ?? null,
		refundType: refund.refundType ?? null,
		goodsStatus: refund.goodsStatus ?? null,
		reason: text(refund.reasonDesc),
		refundDesc: text(refund.refundDesc),
		refundFee: refund.refundFee ?? null,
		currency: text(answer.currency) ?? text(line.currency),
		timeoutDate: text(refund.timeoutDate),
		sellerRefuseReason: text(refund.sellerRefuseReason),
		salesOrderId: text(line.salesOrderId),
		purchaseOrderId: text(line.purchaseOrderId) ?? text(refund.payOrderId),
		purchaseOrderLineId: text(line.purchaseOrderLineId),
		itemTitle: text(line.itemTitle),
		quantity: line.quantity ?? null,
		returnCompany: text(company.logisticsCompanyName),
		returnLogisticsNo: text(logistics.logisticsNo),
	});
}

const PREVIEW_FEN_FIELDS = ['sumPayment', 'sumCarriage', 'sumPaymentNoCarriage', 'discountFee'];
const PREVIEW_LINE_FEN_FIELDS = ['amount', 'finalUnitPrice'];

/**
 * A 1688 order preview with yuan beside each fen amount (sumPaymentYuan beside sumPayment …), so the price reads
 * the same as Get Many's and Get's; PandaPon's own fields stay as they came.
 */
export function previewWithYuan<T>(preview: T): T {
	if (preview === null || typeof preview !== 'object' || Array.isArray(preview)) return preview;
	const source = preview as IDataObject;
	if (!Array.isArray(source.orderPreviewResuslt)) return preview;
	return {
		...source,
		orderPreviewResuslt: (source.orderPreviewResuslt as IDataObject[]).map((entry) => {
			const out = withYuan(entry, PREVIEW_FEN_FIELDS);
			if (Array.isArray(entry.cargoList))
				out.cargoList = (entry.cargoList as IDataObject[]).map((line) =>
					withYuan(line, PREVIEW_LINE_FEN_FIELDS),
				);
			return out;
		}),
	} as T;
}
