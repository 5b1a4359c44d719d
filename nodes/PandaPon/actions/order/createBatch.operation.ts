import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createBatchSchema } from '../../schemas/order';
import { ENDPOINTS, type EndpointName } from '../../transport/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, toItems, validateInput } from '../common';
import { additionalFields, createdOrders, orderFields, readCreateBody, safetyNotice } from './createShared';
import { addressFields, cargoFields } from './shared';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderCreateBatch';

export const description: INodeProperties[] = forOperation('order', 'createBatch', [
	safetyNotice,
	...orderFields,
	...addressFields,
	...cargoFields(true),
	additionalFields,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = validateInput.call(this, createBatchSchema, readCreateBody.call(this, itemIndex), itemIndex);
	// Never retried: there is no idempotency key, a repeat could place second orders.
	const data = await pandaponRequest.call(this, { ...ENDPOINTS.orderCreateBatch, body, itemIndex });
	// One output item per created order (one per seller).
	return toItems.call(this, createdOrders(data), itemIndex);
}
