import type { FieldSpec } from '../define';

export const REFUND_ID: FieldSpec = {
	name: 'refundId',
	displayName: 'Refund ID',
	kind: 'id',
	required: true,
	placeholder: '110002685755',
	description: 'The Taobao refund ID (digits)',
};

const SUB_ORDER_ID: FieldSpec = { name: 'subOrderId', displayName: 'Sub-Order ID', kind: 'id', required: true, placeholder: '200048859481' };

/** The request fields of submit / modify; the values of the two codes are unpublished (numbers from Render). */
export const REFUND_REQUEST: FieldSpec[] = [
	SUB_ORDER_ID,
	{ name: 'refundType', displayName: 'Refund Type Code', kind: 'number', required: true, default: 1, description: 'Taobao’s refundType (unpublished; use the value Render shows)' },
	{ name: 'goodsStatus', displayName: 'Goods Status Code', kind: 'number', required: true, default: 1, description: 'Taobao’s goodsStatus (unpublished; see Render’s goodsStatusList)' },
	{ name: 'reasonId', displayName: 'Reason ID', kind: 'number', required: true, default: 0, description: 'A reasonId from Render’s refundReasons' },
	{ name: 'refundFee', displayName: 'Refund Amount (Fen)', kind: 'number', required: true, default: 0, description: 'Within Render’s maxRefundFee; in fen' },
	{ name: 'refundDesc', displayName: 'Description', kind: 'text', optional: true },
];

export { SUB_ORDER_ID };
