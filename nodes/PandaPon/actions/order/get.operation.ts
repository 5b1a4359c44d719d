import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderDetailSchema } from '../../schemas/order';
import { simplifyOrderDetail } from '../../simplify';
import { ENDPOINTS, type EndpointName } from '../../transport/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, toItems, validateInput } from '../common';
import { orderIdField } from './fields';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderDetail';

export const description: INodeProperties[] = forOperation('order', 'get', [
	orderIdField,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to add orderId, status and a status label at the top. Amounts stay as PandaPon sends them (probably yuan in this object).',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = validateInput.call(
		this,
		orderDetailSchema,
		{ webSite: '1688', orderId: this.getNodeParameter('orderId', itemIndex) },
		itemIndex,
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const data = (await pandaponRequest.call(this, {
		...ENDPOINTS.orderDetail,
		body,
		idempotent: true,
		itemIndex,
	})) as IDataObject;
	return toItems.call(this, simplify ? simplifyOrderDetail(data ?? {}) : (data ?? {}), itemIndex);
}
