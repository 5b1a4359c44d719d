import { taobaoOrderIdSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { TAOBAO_ORDER_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'get',
	endpoint: 'taobaoOrderDetail',
	schema: taobaoOrderIdSchema,
	fields: [TAOBAO_ORDER_ID],
});
