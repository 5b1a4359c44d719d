import { productRecommendSchema } from '../../schemas/goods';
import { defineOperation } from '../define';
import { language, PAGE_NO_PAGING } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'getHotList',
	endpoint: 'productHotList',
	schema: productRecommendSchema,
	paging: PAGE_NO_PAGING,
	fields: [language],
});
