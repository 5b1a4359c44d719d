import { productStoreSearchSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { searchFilters } from './fields';
import { country } from '../shared/translation';
import { SEARCH_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'searchStore',
	endpoint: 'productStoreSearch',
	schema: productStoreSearchSchema,
	paging: SEARCH_PAGING,
	fields: [
		{
			name: 'sellerOpenId',
			displayName: 'Seller Open ID',
			kind: 'text',
			required: true,
			placeholder: 'e.g. BBBgGWh2O6JFI6v1aQuZVgRIA',
			description: 'The encrypted seller ID (sellerOpenId) from a product or an order',
		},
		{
			name: 'keyword',
			displayName: 'Keyword',
			kind: 'text',
			optional: true,
			description: 'Only the store’s products matching these words',
		},
		country,
		...searchFilters,
		{ name: 'categoryId', displayName: 'Category ID', kind: 'text', optional: true },
	],
});
