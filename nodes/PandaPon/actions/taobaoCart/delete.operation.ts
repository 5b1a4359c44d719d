import { taobaoCartDeleteSchema } from '../../model/taobao';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoCart',
	operation: 'delete',
	endpoint: 'taobaoCartDelete',
	schema: taobaoCartDeleteSchema,
	fields: [
		{
			name: 'cartIds',
			displayName: 'Cart IDs',
			kind: 'idList',
			required: true,
			placeholder: 'e.g. 1, 2',
			description: 'Cart line IDs (id in Get Many), separated by commas or new lines',
		},
	],
	output: (data, sent) => ({ deleted: data !== false, cartIds: sent.cartIds as string[] }),
});
