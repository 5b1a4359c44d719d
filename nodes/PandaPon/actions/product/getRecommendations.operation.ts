import { productRecommendSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { language } from '../shared/translation';
import { PAGE_NO_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'getRecommendations',
	endpoint: 'productRecommend',
	schema: productRecommendSchema,
	paging: PAGE_NO_PAGING,
	fields: [language],
});
