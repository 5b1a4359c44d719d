import type { IDataObject } from 'n8n-workflow';

import { jsonInteger } from '../../model/json';
import { receiveGoodsSchema } from '../../model/order';
import { isObject } from '../../shared/parameters';
import { messageText } from '../../transport/request';
import { defineOperation } from '../define';
import { settleReceipt } from '../shared/unknownOutcome';
import { ORDER_ID } from './fields';

export const { description, execute, endpoint, parallel } = defineOperation({
	resource: 'order',
	operation: 'confirmReceipt',
	endpoint: 'orderReceiveGoods',
	parallel: true,
	fields: [
		ORDER_ID,
		{
			name: 'orderEntryIds',
			displayName: 'Sub-Order IDs',
			kind: 'idList',
			placeholder: 'e.g. 2542285634920880794',
			description:
				'Optional: only these 1688 sub-orders (subTbOrderId in Get Many), separated by commas. Leave empty to confirm the whole order (the field is then not sent).',
		},
	],
	// Both ids are typed integer on the page (doc-en.pandapon.com/api-263477652): sent as bare digits. orderEntryIds
	// is optional there: left out (not []) to confirm the whole order.
	schema: receiveGoodsSchema.transform((body) => ({
		orderId: jsonInteger(body.orderId),
		...(body.orderEntryIds
			? { orderEntryIds: body.orderEntryIds.map((id) => jsonInteger(id)) }
			: {}),
	})),
	// Never retried: a lost answer is settled by reading the order back.
	settle(itemIndex, body) {
		return settleReceipt(this, itemIndex, String(body.orderId));
	},
	refuseAnswer: (data, sent) =>
		isObject(data) && data.success === false
			? {
					message: `PandaPon did not confirm receipt of order ${String(sent.orderId)}: ${messageText(data.errorInfo || data.errorCode, 'no reason given')}`,
					description: 'Receipt can be confirmed only after the seller has shipped.',
				}
			: undefined,
	output: (data, sent) => ({
		orderId: String(sent.orderId),
		confirmed: true,
		...(isObject(data) ? (data as IDataObject) : {}),
	}),
});
