import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createSchema } from '../../model/order';
import type { EndpointName } from '../../model/endpoints';
import { forOperation, validateInput } from '../../shared/parameters';
import { assertOneSeller } from './previewChecks';
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

export const description: INodeProperties[] = forOperation('order', 'create', [
	safetyNotice,
	...orderFields,
	...addressFields,
	...cargoFields(true),
	additionalFields,
	capOptions,
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body = validateInput.call(
		this,
		createSchema,
		readCreateBody.call(this, itemIndex),
		itemIndex,
	);
	assertOneSeller(this, body.cargoParamList, itemIndex, 'Create for Several Sellers');
	const cap = readCap(this, itemIndex);
	const previewed = cap
		? await enforceCap.call(this, itemIndex, cap, [
				{
					endpoint: 'orderPreview',
					body: { addressParam: body.addressParam, cargoParamList: body.cargoParamList },
				},
			])
		: undefined;
	return await sendCreate.call(
		this,
		itemIndex,
		body,
		cap ? { yuan: cap, previewedYuan: previewed! } : undefined,
	);
}
