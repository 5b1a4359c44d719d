import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createBatchSchema } from '../../schemas/order';
import { ENDPOINTS, type EndpointName } from '../../transport/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, toItems, validateInput } from '../common';
import { additionalFields, createdOrders, expectedOrders, orderFields, readCreateBody, safetyNotice } from './createShared';
import { addressFields, cargoFields } from './shared';
import { orderFence, sendOnce, settleCreate } from './settle';
import { capOptions, checkCreatedTotals, enforceCap, readCap } from './spendingCap';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderCreateBatch';

export const description: INodeProperties[] = forOperation('order', 'createBatch', [
	safetyNotice,
	...orderFields,
	...addressFields,
	...cargoFields(true),
	additionalFields,
	capOptions,
]);

/** One documented one-seller preview per seller of the lines (the v2 preview takes mapped ids too). */
function previewsBySeller(body: { addressParam: unknown; cargoParamList: Array<{ sellerOpenId: string }> }) {
	const bySeller = new Map<string, unknown[]>();
	for (const line of body.cargoParamList) bySeller.set(line.sellerOpenId, [...(bySeller.get(line.sellerOpenId) ?? []), line]);
	return [...bySeller.values()].map((lines) => ({
		endpoint: 'orderPreview' as const,
		body: { addressParam: body.addressParam, cargoParamList: lines } as IDataObject,
	}));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = validateInput.call(this, createBatchSchema, readCreateBody.call(this, itemIndex), itemIndex);
	const cap = readCap(this, itemIndex);
	const previewed = cap ? await enforceCap.call(this, itemIndex, cap, previewsBySeller(body)) : undefined;
	// Never retried: there is no idempotency key, a repeat could place second orders.
	// The newest order now: after a lost answer, only orders above it count as this create's.
	const fence = await orderFence(this, itemIndex);
	const data = await sendOnce(
		this,
		ENDPOINTS.orderCreateBatch.path,
		() => pandaponRequest.call(this, { ...ENDPOINTS.orderCreateBatch, body, itemIndex }),
		(started) => settleCreate(this, itemIndex, started, expectedOrders(body), fence),
	);
	// One output item per created order (one per seller).
	const items = toItems.call(this, createdOrders(data), itemIndex);
	return cap ? await checkCreatedTotals.call(this, itemIndex, cap, previewed!, items) : items;
}
