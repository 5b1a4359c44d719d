import { productSearchSchema } from '../../schemas/goods';
import { defineOperation } from '../define';
import { country, SEARCH_PAGING, searchFilters } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'search',
	endpoint: 'productSearch',
	schema: productSearchSchema,
	paging: SEARCH_PAGING,
	fields: [
		{ name: 'keyword', displayName: 'Keyword', kind: 'text', required: true, placeholder: 'e.g. T恤', description: 'Search words (Chinese finds most)' },
		country,
		...searchFilters,
		{ name: 'categoryId', displayName: 'Category ID', kind: 'text', optional: true, description: '1688 category ID' },
	],
});
