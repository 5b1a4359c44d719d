import type { FieldSpec } from '../shared/fields';

export const REFUND_ID: FieldSpec = {
	name: 'refundId',
	displayName: 'Refund ID',
	kind: 'id',
	required: true,
	placeholder: 'e.g. 110002685755',
	description: 'The Taobao refund ID (digits)',
};

const SUB_ORDER_ID: FieldSpec = {
	name: 'subOrderId',
	displayName: 'Sub-Order ID',
	kind: 'id',
	required: true,
	placeholder: 'e.g. 200048859481',
};

/**
 * Taobao's refundType and goodsStatus codes: PandaPon does not publish their values, so they are typed (nothing
 * pre-filled) and Render Form shows the ones a sub-order allows.
 */
export const REFUND_TYPE: FieldSpec = {
	name: 'refundType',
	displayName: 'Refund Type Code',
	kind: 'code',
	required: true,
	placeholder: 'e.g. 1',
	description:
		'Taobao’s refundType code. PandaPon does not publish the values: use the one Render Form accepts for this sub-order.',
};

export const GOODS_STATUS: FieldSpec = {
	name: 'goodsStatus',
	displayName: 'Goods Status Code',
	kind: 'code',
	required: true,
	placeholder: 'e.g. 1',
	description:
		'Taobao’s goodsStatus code (have you received the goods?). Values are unpublished: see Render Form’s goodsStatusList.',
};

/** The request fields of submit / modify. */
export const REFUND_REQUEST: FieldSpec[] = [
	SUB_ORDER_ID,
	REFUND_TYPE,
	GOODS_STATUS,
	{
		name: 'reasonId',
		displayName: 'Reason ID',
		kind: 'code',
		required: true,
		placeholder: 'e.g. 20006',
		description:
			'A reasonId from Render Form’s refundReasons (run Render Form for this sub-order first)',
	},
	{
		name: 'refundFee',
		displayName: 'Refund Amount (Fen)',
		kind: 'code',
		required: true,
		placeholder: 'e.g. 1990 (= 19.90 CNY)',
		description: 'In fen (1/100 CNY), at most Render Form’s maxRefundFee',
	},
	{
		name: 'refundDesc',
		displayName: 'Description',
		kind: 'text',
		optional: true,
		placeholder: 'e.g. wrong colour',
		description: 'What is wrong, for the seller',
	},
];

export { SUB_ORDER_ID };
