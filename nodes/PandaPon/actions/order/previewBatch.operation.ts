import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { previewBatchSchema } from '../../schemas/order';
import { ENDPOINTS } from '../../transport/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, inputError, toItems, validateInput } from '../common';
import { previewFailure } from './checks';
import { inferredNotice } from './fields';
import { addressFields, cargoFields, readAddress, readCargo } from './shared';

export const description: INodeProperties[] = forOperation('order', 'previewBatch', [
	inferredNotice('the answer of this preview (one preview per seller is expected)'),
	...addressFields,
	...cargoFields(true),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = validateInput.call(
		this,
		previewBatchSchema,
		{ addressParam: readAddress.call(this, itemIndex), cargoParamList: readCargo.call(this, itemIndex) },
		itemIndex,
	);
	const data = await pandaponRequest.call(this, {
		...ENDPOINTS.orderPreviewBatch,
		body,
		idempotent: true,
		itemIndex,
	});
	const failure = previewFailure(data);
	if (failure) throw inputError(this, itemIndex, `PandaPon cannot fulfil this preview: ${failure}`, 'Nothing was ordered.');
	// One output item per seller's preview.
	const previews = (Array.isArray(data) ? data : [data]) as IDataObject[];
	return toItems.call(this, previews, itemIndex);
}
