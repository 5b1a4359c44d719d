import { taobaoRefundRenderSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { REFUND_REQUEST } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'render',
	endpoint: 'taobaoRefundRender',
	schema: taobaoRefundRenderSchema,
	fields: REFUND_REQUEST.slice(0, 3),
});
