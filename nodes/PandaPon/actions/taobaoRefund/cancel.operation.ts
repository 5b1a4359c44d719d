import { taobaoRefundIdSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { REFUND_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'cancel',
	endpoint: 'taobaoRefundCancel',
	schema: taobaoRefundIdSchema,
	fields: [{ ...REFUND_ID, in: 'path' }],
});
