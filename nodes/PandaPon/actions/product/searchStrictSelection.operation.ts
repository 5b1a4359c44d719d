import { productSearchSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { keywordSearchFields } from './fields';
import { SEARCH_PAGING } from '../shared/paging';

// Body inferred to be the keyword search's (inferred in the endpoint table, model/endpoints.ts).
export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'searchStrictSelection',
	endpoint: 'productStrictSelection',
	schema: productSearchSchema,
	paging: SEARCH_PAGING,
	fields: keywordSearchFields,
});
