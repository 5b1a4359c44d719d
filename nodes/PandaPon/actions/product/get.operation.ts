import { productDetailSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { country } from '../shared/translation';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'get',
	endpoint: 'productDetail',
	schema: productDetailSchema,
	fields: [
		{
			name: 'offerId',
			displayName: 'Offer ID',
			kind: 'id',
			required: true,
			placeholder: 'e.g. 706627393257',
			description:
				'The numeric 1688 offer ID (from the product URL detail.1688.com/offer/<ID>.html)',
		},
		country,
		{
			name: 'outMemberId',
			displayName: 'Your End-User ID',
			kind: 'text',
			optional: true,
			description: 'Your own customer’s ID, if you track who asked (outMemberId); may stay empty',
		},
	],
});
