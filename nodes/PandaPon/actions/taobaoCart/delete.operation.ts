import { taobaoCartDeleteSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { cartIdsField } from '../shared/idFields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoCart',
	operation: 'delete',
	endpoint: 'taobaoCartDelete',
	schema: taobaoCartDeleteSchema,
	fields: [cartIdsField('Cart line IDs (id in Get Many), separated by commas or new lines')],
	output: (data, sent) => ({ deleted: data !== false, cartIds: sent.cartIds as string[] }),
});
