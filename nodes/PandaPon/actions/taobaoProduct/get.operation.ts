import { taobaoItemQuerySchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { ITEM_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoProduct',
	operation: 'get',
	endpoint: 'taobaoProductGet',
	schema: taobaoItemQuerySchema,
	fields: [ITEM_ID],
});
