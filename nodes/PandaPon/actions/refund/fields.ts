import type { FieldSpec } from '../shared/fields';
import { orderIdField1688 } from '../shared/idFields';

export const GOODS_STATUS: FieldSpec = {
	name: 'goodsStatus',
	displayName: 'Goods Status',
	kind: 'options',
	default: 'refundWaitSellerSend',
	options: [
		{ name: 'Not Yet Shipped by Seller', value: 'refundWaitSellerSend' },
		{ name: 'Shipped, Not Received', value: 'refundWaitBuyerReceive' },
		{ name: 'Received', value: 'refundBuyerReceived' },
	],
	description: '1688’s values as far as known (PandaPon does not publish the list)',
};

export const ORDER_ID: FieldSpec = orderIdField1688(
	'The 1688 order ID (tbOrderId). Keep it as text: 19 digits do not fit a number.',
);

export const ENTRY_IDS: FieldSpec = {
	name: 'orderEntryIds',
	displayName: 'Sub-Order IDs',
	kind: 'idList',
	optional: true,
	placeholder: 'e.g. 2542285634920880794',
	description: 'Only these lines of the order (subTbOrderId in Get Many), comma-separated',
};
