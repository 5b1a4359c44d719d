import { productCategorySchema } from '../../model/goods';
import { defineOperation } from '../define';
import { language } from '../shared/translation';

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'getCategory',
	endpoint: 'productCategory',
	schema: productCategorySchema,
	fields: [
		{
			name: 'categoryId',
			displayName: 'Category ID',
			kind: 'id',
			required: true,
			placeholder: 'e.g. 1031918',
			description: 'The 1688 category ID',
		},
		language,
	],
});
