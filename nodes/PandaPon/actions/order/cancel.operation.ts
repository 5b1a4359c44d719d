import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { cancelSchema } from '../../model/order';
import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { jsonInteger } from '../../model/json';
import { pandaponRequest } from '../../transport/request';
import { sendOnce, settleCancel } from '../shared/unknownOutcome';
import { forOperation, inputError, toItems, validateInput } from '../../shared/parameters';
import { orderIdField } from './fields';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderCancel';

/** Each item is independent of the others: Options → Requests in Parallel applies. */
export const parallel = true;

export const description: INodeProperties[] = forOperation('order', 'cancel', [
	{
		displayName:
			'Only unpaid orders can be cancelled. After payment, use an after-sales (refund) request.',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
	},
	orderIdField,
	{
		displayName: 'Cancel Reason',
		name: 'cancelReason',
		type: 'options',
		required: true,
		options: [
			{
				name: 'Buyer Cancels (buyerCancel)',
				value: 'buyerCancel',
				description: 'You no longer want the goods',
			},
			{
				name: 'Seller Lacks Goods (sellerGoodsLack)',
				value: 'sellerGoodsLack',
				description: 'The seller cannot deliver',
			},
			{
				name: 'Other',
				value: 'other',
				description: 'Another reason (sent as other): say why under Remark',
			},
		],
		default: 'buyerCancel',
		description:
			'Why the order is cancelled, as 1688’s reason codes. PandaPon also accepts free text (e.g. 不想要了) from an expression.',
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		description: 'Optional note',
	},
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body = validateInput.call(
		this,
		cancelSchema,
		{
			webSite: '1688',
			orderId: this.getNodeParameter('orderId', itemIndex),
			cancelReason: this.getNodeParameter('cancelReason', itemIndex),
			remark: this.getNodeParameter('remark', itemIndex, ''),
		},
		itemIndex,
	);
	// orderId is typed integer by the API: sent as bare digits. Never retried.
	const data = await sendOnce(
		this,
		ENDPOINTS.orderCancel.path,
		() =>
			pandaponRequest.call(this, {
				...ENDPOINTS.orderCancel,
				body: { ...body, orderId: jsonInteger(body.orderId) },
				itemIndex,
			}),
		() => settleCancel(this, itemIndex, body.orderId),
	);
	if (data === false) {
		throw inputError(
			this,
			itemIndex,
			`PandaPon did not cancel order ${body.orderId} (it answered data: false)`,
			'The order may already be paid or closed. Check it with Get.',
		);
	}
	return toItems.call(
		this,
		{ orderId: body.orderId, cancelled: true, cancelReason: body.cancelReason },
		itemIndex,
	);
}
