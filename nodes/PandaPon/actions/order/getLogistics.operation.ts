import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderIdQuerySchema } from '../../model/order';
import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { pandaponRequest } from '../../transport/request';
import { asList, forOperation, optionsCollection, toItems, validateInput } from '../../shared/parameters';
import { concurrencyOption, inferredNotice, orderIdField } from './fields';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderLogistics';

export const description: INodeProperties[] = forOperation('order', 'getLogistics', [
	inferredNotice('how parcels are tracked (path and answer)'),
	orderIdField,
	optionsCollection([concurrencyOption]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const query = validateInput.call(
		this,
		orderIdQuerySchema,
		{ orderId: this.getNodeParameter('orderId', itemIndex), webSite: '1688' },
		itemIndex,
	);
	const data = await pandaponRequest.call(this, {
		method: 'GET',
		path: ENDPOINTS.orderLogistics.path,
		query: { orderId: query.orderId, webSite: '1688' },
		idempotent: true,
		itemIndex,
	});
	const parcels = asList(data);
	return toItems.call(this, { orderId: query.orderId, shipped: parcels.length > 0, parcels }, itemIndex);
}
