import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { EndpointName } from '../../model/endpoints';
import { createSchema } from '../../model/order';
import { validateInput } from '../../shared/parameters';
import { createProperties, createWithinCap, readCreateBody } from '../shared/orderFlow';
import { assertOneSeller } from '../shared/previewChecks';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderCreateBatch';

export const description = createProperties('create');

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
	// Max Order Total: the documented one-seller preview of the same lines.
	return await createWithinCap.call(this, itemIndex, body, [
		{
			endpoint: 'orderPreview',
			body: { addressParam: body.addressParam, cargoParamList: body.cargoParamList },
		},
	]);
}
