import { productSearchSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { searchFilters } from './fields';
import { country } from '../shared/translation';
import { SEARCH_PAGING } from '../shared/paging';

// Body inferred to be the keyword search's (inferred in the endpoint table, model/endpoints.ts).
export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'searchStrictSelection',
	endpoint: 'productStrictSelection',
	schema: productSearchSchema,
	paging: SEARCH_PAGING,
	fields: [
		{
			name: 'keyword',
			displayName: 'Keyword',
			kind: 'text',
			required: true,
			placeholder: 'e.g. T恤',
		},
		country,
		...searchFilters,
		{ name: 'categoryId', displayName: 'Category ID', kind: 'text', optional: true },
	],
});
