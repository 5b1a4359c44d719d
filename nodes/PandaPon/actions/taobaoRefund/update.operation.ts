import { taobaoRefundModifySchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { REFUND_ID, REFUND_REQUEST } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'update',
	endpoint: 'taobaoRefundModify',
	schema: taobaoRefundModifySchema,
	fields: [REFUND_ID, ...REFUND_REQUEST],
});
