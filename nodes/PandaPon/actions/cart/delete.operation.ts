import { cartDeleteSchema } from '../../model/goods';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'cart',
	operation: 'delete',
	endpoint: 'cartDelete',
	schema: cartDeleteSchema,
	fields: [
		{
			name: 'cartIds',
			displayName: 'Cart IDs',
			kind: 'idList',
			required: true,
			placeholder: 'e.g. 1, 2',
			description: 'Cart line IDs (id in Get Cart), comma-separated',
		},
	],
	output: (data, sent) => ({
		deleted: data !== false,
		cartIds: (sent.cartIds as unknown[]).map(String),
	}),
});
