import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderIdQuerySchema } from '../../schemas/order';
import { ENDPOINTS, type EndpointName } from '../../transport/endpoints';
import { pandaponRequest } from '../../transport/request';
import { asList, forOperation, inputError, optionsCollection, toItems, validateInput } from '../common';
import { inferredNotice, orderIdField } from './fields';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderLogistics';

export const description: INodeProperties[] = forOperation('order', 'getLogistics', [
	inferredNotice('the path or answer of logistics tracking (the path below is a best guess)'),
	orderIdField,
	optionsCollection([
		{
			displayName: 'API Path',
			name: 'path',
			type: 'string',
			default: '/v2/alibaba/order/logistics/trace', // = ENDPOINTS.orderLogistics.path (inferred)
			description:
				'Override the tracking path if PandaPon tells you the real one. Until then, carriers and waybills are also in Get → nativeLogistics.logisticsItems.',
		},
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const query = validateInput.call(
		this,
		orderIdQuerySchema,
		{ orderId: this.getNodeParameter('orderId', itemIndex), webSite: '1688' },
		itemIndex,
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const path = String(options.path || ENDPOINTS.orderLogistics.path).trim();
	if (!path.startsWith('/')) throw inputError(this, itemIndex, `API Path "${path}" must start with /`);
	const data = await pandaponRequest.call(this, {
		method: 'GET',
		path,
		query: { orderId: query.orderId, webSite: '1688' },
		idempotent: true,
		itemIndex,
	});
	const parcels = asList(data);
	return toItems.call(this, { orderId: query.orderId, shipped: parcels.length > 0, parcels }, itemIndex);
}
