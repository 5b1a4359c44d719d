/**
 * Simplify: make PandaPon orders easy to use in a sheet or a message without losing anything.
 * - fen amounts of the order list also as yuan (`totalAmountYuan` next to `totalAmount`);
 * - the JSON-string fields parsed (losslessly; null or "" stay as they are);
 * - numeric status codes also as labels, only where the reference knows them (others get no label).
 */
import type { IDataObject } from 'n8n-workflow';

import { parseJson } from './transport/json';

/** Status labels the reference knows (§2.14); unknown codes are left unlabelled on purpose. */
export const ORDER_STATUS_LABELS: Record<string, string> = { '1': 'awaiting payment' };
export const PAY_STATUS_LABELS: Record<string, string> = { '1': 'unpaid', '2': 'paid' };
export const REFUND_STATUS_LABELS: Record<string, string> = { '0': 'no refund' };

/** 1688 trade status strings of the order-detail object (§2.14). */
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
const ORDER_FEN_FIELDS = ['productAmount', 'shippingFee', 'totalAmount', 'discount', 'refundAmount'];
const ITEM_FEN_FIELDS = ['price', 'itemAmount', 'refund'];

export function fenToYuan(fen: unknown): number | null {
	if (fen === null || fen === undefined || fen === '') return null;
	const value = Number(fen);
	return Number.isFinite(value) ? Math.round(value) / 100 : null;
}

function parseEmbedded(value: unknown): unknown {
	if (typeof value !== 'string' || value.trim() === '') return value;
	try {
		return parseJson(value);
	} catch {
		return value; // not JSON after all: keep the text
	}
}

function label(table: Record<string, string>, code: unknown): string | null {
	return code === null || code === undefined ? null : (table[String(code)] ?? null);
}

function withYuan(source: IDataObject, fields: string[]): IDataObject {
	const out: IDataObject = { ...source };
	for (const field of fields) {
		if (field in source) out[`${field}Yuan`] = fenToYuan(source[field]);
	}
	return out;
}

/** One row of the 1688 order list (AlibabaBackSelectOrderVO). */
export function simplifyOrder(order: IDataObject): IDataObject {
	const out = withYuan(order, ORDER_FEN_FIELDS);
	for (const field of ORDER_JSON_FIELDS) if (field in out) out[field] = parseEmbedded(out[field]) as IDataObject;
	out.orderStatusLabel = label(ORDER_STATUS_LABELS, order.orderStatus);
	out.payStatusLabel = label(PAY_STATUS_LABELS, order.payStatus);
	out.refundStatusLabel = label(REFUND_STATUS_LABELS, order.refundStatus);
	if (Array.isArray(order.orderDetailInfoVOS)) {
		out.orderDetailInfoVOS = (order.orderDetailInfoVOS as IDataObject[]).map((item) => {
			const simple = withYuan(item, ITEM_FEN_FIELDS);
			for (const field of ITEM_JSON_FIELDS) if (field in simple) simple[field] = parseEmbedded(simple[field]) as IDataObject;
			return simple;
		});
	}
	return out;
}

/** The 1688 order-detail object: amounts there are probably yuan already (§1.6), so none are converted. */
export function simplifyOrderDetail(detail: IDataObject): IDataObject {
	const base = (detail.baseInfo ?? {}) as IDataObject;
	const status = typeof base.status === 'string' ? base.status : null;
	return {
		orderId: (base.idOfStr as string) ?? (base.id !== undefined ? String(base.id) : null),
		status,
		statusLabel: status ? (TRADE_STATUS_LABELS[status] ?? null) : null,
		...detail,
	};
}
