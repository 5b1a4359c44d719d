import { decryptSchema } from '../../model/order';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'order',
	operation: 'decryptWangwang',
	// Not published by PandaPon (its path comes from existing client usage): the guessed-endpoint notice says so.
	endpoint: 'sellerDecrypt',
	fields: [
		{
			name: 'offerId',
			displayName: 'Offer ID',
			kind: 'text',
			required: true,
			placeholder: 'e.g. 951807530375',
			description: 'The product’s offer ID',
		},
		{
			name: 'openUid',
			displayName: 'Seller Open ID',
			kind: 'text',
			required: true,
			placeholder: 'e.g. BBBJ82cNui3EUaxxMi_7Go73g',
			description:
				'The encrypted seller ID (sellerOpenId) to turn into the seller’s Wangwang nickname',
		},
	],
	schema: decryptSchema,
	output: (data, sent) => ({
		offerId: sent.offerId,
		openUid: sent.openUid,
		wangwang: data as string,
	}),
});
