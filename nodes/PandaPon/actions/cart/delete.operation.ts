import { cartDeleteSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { cartIdsField } from '../shared/idFields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'cart',
	operation: 'delete',
	endpoint: 'cartDelete',
	schema: cartDeleteSchema,
	fields: [cartIdsField('Cart line IDs (id in Get Cart), comma-separated')],
	output: (data, sent) => ({
		deleted: data !== false,
		cartIds: (sent.cartIds as unknown[]).map(String),
	}),
});
