import { taobaoCartEditSchema } from '../../model/taobao';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoCart',
	operation: 'updateQuantity',
	endpoint: 'taobaoCartEditQuantity',
	schema: taobaoCartEditSchema,
	fields: [
		{
			name: 'id',
			displayName: 'Cart ID',
			kind: 'id',
			required: true,
			description: 'The cart line ID (id in Taobao Cart → Get Many)',
		},
		{ name: 'quantity', displayName: 'Quantity', kind: 'number', required: true, default: 1 },
	],
});
