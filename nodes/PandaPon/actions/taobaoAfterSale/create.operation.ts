import { taobaoRefundSubmitSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { REFUND_REQUEST } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'create',
	endpoint: 'taobaoRefundSubmit',
	idempotent: false,
	schema: taobaoRefundSubmitSchema,
	fields: REFUND_REQUEST,
});
