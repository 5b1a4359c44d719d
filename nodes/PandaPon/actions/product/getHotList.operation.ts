import { productRecommendSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { language } from '../shared/translation';
import { PAGE_NO_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'getHotList',
	endpoint: 'productHotList',
	schema: productRecommendSchema,
	paging: PAGE_NO_PAGING,
	fields: [language],
});
