import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createSchema } from '../../schemas/order';
import { ENDPOINTS, type EndpointName } from '../../transport/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, toItems, validateInput } from '../common';
import { assertOneSeller } from './checks';
import { additionalFields, createdOrders, expectedOrders, orderFields, readCreateBody, safetyNotice } from './createShared';
import { addressFields, cargoFields } from './shared';
import { orderFence, sendOnce, settleCreate } from './settle';
import { capOptions, checkCreatedTotals, enforceCap, readCap } from './spendingCap';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderCreateBatch';

export const description: INodeProperties[] = forOperation('order', 'create', [
	safetyNotice,
	...orderFields,
	...addressFields,
	...cargoFields(true),
	additionalFields,
	capOptions,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = validateInput.call(this, createSchema, readCreateBody.call(this, itemIndex), itemIndex);
	assertOneSeller(this, body.cargoParamList, itemIndex, 'Create for Several Sellers');
	// Sent to the documented batch create, which takes one seller too (the v2 single-create page shows no body).
	// Never retried: there is no idempotency key, a repeat could place a second order.
	const cap = readCap(this, itemIndex);
	const previewed = cap
		? await enforceCap.call(this, itemIndex, cap, [{ endpoint: 'orderPreview', body: { addressParam: body.addressParam, cargoParamList: body.cargoParamList } }])
		: undefined;
	// The newest order now: after a lost answer, only orders above it count as this create's.
	const fence = await orderFence(this, itemIndex);
	const data = await sendOnce(
		this,
		ENDPOINTS.orderCreateBatch.path,
		() => pandaponRequest.call(this, { ...ENDPOINTS.orderCreateBatch, body, itemIndex }),
		(started) => settleCreate(this, itemIndex, started, expectedOrders(body), fence),
	);
	const items = toItems.call(this, createdOrders(data), itemIndex);
	return cap ? await checkCreatedTotals.call(this, itemIndex, cap, previewed!, items) : items;
}
