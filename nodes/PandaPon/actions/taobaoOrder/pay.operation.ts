import { taobaoOrderIdSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { TAOBAO_ORDER_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'pay',
	endpoint: 'taobaoOrderPay',
	idempotent: false,
	schema: taobaoOrderIdSchema,
	fields: [TAOBAO_ORDER_ID],
});
