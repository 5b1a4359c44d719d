import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { paySchema } from '../../schemas/order';
import { ENDPOINTS, type EndpointName } from '../../transport/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, idList, toItems, validateInput } from '../common';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderPay';

export const description: INodeProperties[] = forOperation('order', 'pay', [
	{
		displayName:
			'Pays real money from your PandaPon payment source. Sent once, never repeated automatically: if it fails, check the orders with Get Many before paying again. PandaPon does not publish what this call answers, so its answer is passed on as it comes.',
		name: 'payNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: '1688 Order IDs',
		name: 'orderIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2542285634920880794, 2542285634920880795',
		description: 'One or more unpaid 1688 order IDs, separated by commas or new lines (or an array from an expression)',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = validateInput.call(
		this,
		paySchema,
		{ orderIds: idList(this.getNodeParameter('orderIds', itemIndex)) },
		itemIndex,
	);
	// Never retried: a repeat could pay twice.
	const data = await pandaponRequest.call(this, { ...ENDPOINTS.orderPay, body, itemIndex });
	const result: IDataObject = { orderIds: body.orderIds, submitted: true };
	if (data !== null && data !== undefined) result.result = data as IDataObject;
	return toItems.call(this, result, itemIndex);
}
