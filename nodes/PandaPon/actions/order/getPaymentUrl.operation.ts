import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderIdQuerySchema } from '../../model/order';
import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, toItems, validateInput } from '../../shared/parameters';
import { orderIdField } from './fields';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderPayUrl';

export const description: INodeProperties[] = forOperation('order', 'getPaymentUrl', [orderIdField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const query = validateInput.call(
		this,
		orderIdQuerySchema,
		{ orderId: this.getNodeParameter('orderId', itemIndex) },
		itemIndex,
	);
	const data = (await pandaponRequest.call(this, {
		...ENDPOINTS.orderPayUrl,
		query: { orderId: query.orderId },
		idempotent: true,
		itemIndex,
	})) as IDataObject;
	return toItems.call(this, data ?? {}, itemIndex);
}
