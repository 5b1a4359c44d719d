import { taobaoRefundIdSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { REFUND_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'getMessages',
	endpoint: 'taobaoRefundMessages',
	schema: taobaoRefundIdSchema,
	fields: [REFUND_ID],
});
