import { productRelatedSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { language } from '../shared/translation';
import { PAGE_NO_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'getRelated',
	endpoint: 'productRelated',
	schema: productRelatedSchema,
	paging: PAGE_NO_PAGING,
	fields: [
		{
			name: 'offerId',
			displayName: 'Offer ID (Mapped)',
			kind: 'text',
			required: true,
			placeholder: 'e.g. L0PTnwSnx_dWNZWCtgK7Gg',
			description:
				'PandaPon’s mapped offer ID (offerMapId) of the product to find similar ones for',
		},
		language,
	],
});
