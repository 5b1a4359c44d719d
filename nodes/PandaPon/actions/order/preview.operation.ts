import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { previewSchema } from '../../model/order';
import type { EndpointName } from '../../model/endpoints';
import { previewWithYuan } from '../../shared/simplify';
import { forOperation, toItems, validateInput } from '../../shared/parameters';
import {
	addressFields,
	cargoFields,
	previewToCreateNotice,
	readAddress,
	readCargo,
} from '../shared/cargoAndAddress';
import { assertOneSeller, sendPreview } from '../shared/previewChecks';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderPreview';

export const description: INodeProperties[] = forOperation('order', 'preview', [
	previewToCreateNotice,
	...addressFields,
	...cargoFields(false),
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	// What was previewed comes out as `request`, so Create maps it in JSON mode ({{ $json.request.addressParam }}).
	const request = {
		addressParam: readAddress.call(this, itemIndex),
		cargoParamList: readCargo.call(this, itemIndex),
	} as IDataObject;
	const body = validateInput.call(this, previewSchema, request, itemIndex);
	assertOneSeller(this, body.cargoParamList, itemIndex, 'Preview for Several Sellers');
	const data = (await sendPreview.call(
		this,
		itemIndex,
		endpoint,
		body,
		(failure) => `PandaPon cannot fulfil this preview: ${failure}`,
	)) as IDataObject;
	return toItems.call(this, { ...previewWithYuan(data), request }, itemIndex);
}
