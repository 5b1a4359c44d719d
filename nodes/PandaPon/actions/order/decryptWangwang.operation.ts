import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { decryptSchema } from '../../model/order';
import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { pandaponRequest } from '../../transport/request';
import { forOperation, toItems, validateInput } from '../../shared/parameters';
import { inferredNotice } from './fields';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'sellerDecrypt';

export const description: INodeProperties[] = forOperation('order', 'decryptWangwang', [
	inferredNotice('this endpoint (its path comes from existing client usage)'),
	{
		displayName: 'Offer ID',
		name: 'offerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 951807530375',
		description: 'The product’s offer ID',
	},
	{
		displayName: 'Seller Open ID',
		name: 'openUid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. BBBJ82cNui3EUaxxMi_7Go73g',
		description: 'The encrypted seller ID (sellerOpenId) to turn into the seller’s Wangwang nickname',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const body = validateInput.call(
		this,
		decryptSchema,
		{
			offerId: this.getNodeParameter('offerId', itemIndex),
			openUid: this.getNodeParameter('openUid', itemIndex),
		},
		itemIndex,
	);
	const data = await pandaponRequest.call(this, { ...ENDPOINTS.sellerDecrypt, body, idempotent: true, itemIndex });
	return toItems.call(this, { offerId: body.offerId, openUid: body.openUid, wangwang: data as string }, itemIndex);
}
