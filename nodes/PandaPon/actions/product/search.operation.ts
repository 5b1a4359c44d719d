import { productSearchSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { searchFilters } from './fields';
import { country } from '../shared/translation';
import { SEARCH_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'search',
	endpoint: 'productSearch',
	schema: productSearchSchema,
	paging: SEARCH_PAGING,
	fields: [
		{
			name: 'keyword',
			displayName: 'Keyword',
			kind: 'text',
			required: true,
			placeholder: 'e.g. T恤',
			description: 'Search words (Chinese finds most)',
		},
		country,
		...searchFilters,
		{
			name: 'categoryId',
			displayName: 'Category ID',
			kind: 'text',
			optional: true,
			description: '1688 category ID',
		},
	],
});
