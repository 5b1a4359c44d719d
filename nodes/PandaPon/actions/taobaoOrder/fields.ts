import type { FieldSpec } from '../shared/fields';

export const TAOBAO_ORDER_ID: FieldSpec = {
	name: 'orderId',
	displayName: 'Taobao Order ID',
	kind: 'id',
	required: true,
	placeholder: 'e.g. 4023118842116554321',
	description: 'The Taobao purchase order ID. Keep it as text: long IDs do not fit a number.',
};
