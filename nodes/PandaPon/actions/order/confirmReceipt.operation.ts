import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { receiveGoodsSchema } from '../../model/order';
import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { jsonInteger } from '../../model/json';
import { messageText, pandaponRequest } from '../../transport/request';
import { sendOnce, settleReceipt } from '../shared/unknownOutcome';
import {
	forOperation,
	idList,
	inputError,
	isObject,
	toItems,
	validateInput,
} from '../../shared/parameters';
import { orderIdField } from './fields';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderReceiveGoods';

/** Each item is independent of the others: Options → Requests in Parallel applies. */
export const parallel = true;

export const description: INodeProperties[] = forOperation('order', 'confirmReceipt', [
	orderIdField,
	{
		displayName: 'Sub-Order IDs',
		name: 'orderEntryIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2542285634920880794',
		description:
			'Optional: only these 1688 sub-orders (subTbOrderId in Get Many), separated by commas. Leave empty to confirm the whole order (the field is then not sent).',
	},
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const entries = idList(this.getNodeParameter('orderEntryIds', itemIndex, ''));
	const body = validateInput.call(
		this,
		receiveGoodsSchema,
		{
			orderId: this.getNodeParameter('orderId', itemIndex),
			orderEntryIds: entries.length ? entries : undefined,
		},
		itemIndex,
	);
	// Both ids are typed integer by the API: sent as bare digits. Never retried.
	const data = (await sendOnce(
		this,
		ENDPOINTS.orderReceiveGoods.path,
		() =>
			pandaponRequest.call(this, {
				...ENDPOINTS.orderReceiveGoods,
				// orderEntryIds is optional on PandaPon's page: left out (not []) to confirm the whole order.
				body: {
					orderId: jsonInteger(body.orderId),
					...(body.orderEntryIds
						? { orderEntryIds: body.orderEntryIds.map((id: string) => jsonInteger(id)) }
						: {}),
				},
				itemIndex,
			}),
		() => settleReceipt(this, itemIndex, body.orderId),
	)) as IDataObject;
	if (isObject(data) && data.success === false) {
		throw inputError(
			this,
			itemIndex,
			`PandaPon did not confirm receipt of order ${body.orderId}: ${messageText(data.errorInfo || data.errorCode, 'no reason given')}`,
			'Receipt can be confirmed only after the seller has shipped.',
		);
	}
	return toItems.call(
		this,
		{ orderId: body.orderId, confirmed: true, ...(isObject(data) ? data : {}) },
		itemIndex,
	);
}
