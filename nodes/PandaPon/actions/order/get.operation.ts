import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { orderDetailSchema } from '../../model/order';
import { compactOrderDetail, enrichOrderDetail } from '../../shared/simplify';
import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, toItems, validateInput } from '../../shared/parameters';
import { orderIdField } from './fields';
import { outputFields, outputShape } from '../shared/output';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderDetail';

/** Each item is independent of the others: Options → Requests in Parallel applies. */
export const parallel = true;

export const description: INodeProperties[] = forOperation('order', 'get', [
	orderIdField,
	...outputFields(
		'order (ID, status with its label, amounts, seller, times, lines, parcels)',
		'orderId, status and a status label at the top',
	),
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body = validateInput.call(
		this,
		orderDetailSchema,
		{ webSite: '1688', orderId: this.getNodeParameter('orderId', itemIndex) },
		itemIndex,
	);
	const shape = outputShape(this, itemIndex);
	const data = (await pandaponRequest.call(this, {
		...ENDPOINTS.orderDetail,
		body,
		idempotent: true,
		itemIndex,
	})) as IDataObject;
	const detail = data ?? {};
	return toItems.call(
		this,
		shape === 'compact'
			? compactOrderDetail(detail)
			: shape === 'readable'
				? enrichOrderDetail(detail)
				: detail,
		itemIndex,
	);
}
