import { productSearchSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { keywordSearchFields } from './fields';
import { SEARCH_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'search',
	endpoint: 'productSearch',
	schema: productSearchSchema,
	paging: SEARCH_PAGING,
	fields: keywordSearchFields,
});
