import { taobaoOrderIdSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { TAOBAO_ORDER_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'cancel',
	endpoint: 'taobaoOrderCancel',
	schema: taobaoOrderIdSchema,
	fields: [TAOBAO_ORDER_ID],
});
