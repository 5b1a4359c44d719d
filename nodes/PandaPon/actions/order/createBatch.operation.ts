import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { EndpointName } from '../../model/endpoints';
import { createBatchSchema } from '../../model/order';
import { validateInput } from '../../shared/parameters';
import { createProperties, createWithinCap, readCreateBody } from '../shared/orderFlow';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderCreateBatch';

export const description = createProperties('createBatch');

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
	// One output item per created order (one per seller).
	return await createWithinCap.call(this, itemIndex, body, previewsBySeller(body));
}
