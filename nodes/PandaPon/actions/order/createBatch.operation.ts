import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { createBatchSchema } from '../../model/order';
import type { EndpointName } from '../../model/endpoints';
import { forOperation, validateInput } from '../../shared/parameters';
import {
	additionalFields,
	orderFields,
	readCreateBody,
	safetyNotice,
	sendCreate,
} from '../shared/orderFlow';
import { addressFields, cargoFields } from '../shared/cargoAndAddress';
import { capOptions, enforceCap, readCap } from '../shared/spendingCap';

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
function previewsBySeller(body: {
	addressParam: unknown;
	cargoParamList: Array<{ sellerOpenId: string }>;
}) {
	const bySeller = new Map<string, unknown[]>();
	for (const line of body.cargoParamList)
		bySeller.set(line.sellerOpenId, [...(bySeller.get(line.sellerOpenId) ?? []), line]);
	return [...bySeller.values()].map((lines) => ({
		endpoint: 'orderPreview' as const,
		body: { addressParam: body.addressParam, cargoParamList: lines } as IDataObject,
	}));
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body = validateInput.call(
		this,
		createBatchSchema,
		readCreateBody.call(this, itemIndex),
		itemIndex,
	);
	const cap = readCap(this, itemIndex);
	const previewed = cap
		? await enforceCap.call(this, itemIndex, cap, previewsBySeller(body))
		: undefined;
	// One output item per created order (one per seller).
	return await sendCreate.call(
		this,
		itemIndex,
		body,
		cap ? { yuan: cap, previewedYuan: previewed! } : undefined,
	);
}
