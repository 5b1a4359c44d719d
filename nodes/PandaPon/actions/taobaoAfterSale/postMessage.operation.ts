import { taobaoRefundMessageSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { REFUND_ID } from './fields';

export const { description, execute } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'postMessage',
	endpoint: 'taobaoRefundMessage',
	idempotent: false,
	schema: taobaoRefundMessageSchema,
	fields: [
		REFUND_ID,
		{ name: 'refundMessage', displayName: 'Message', kind: 'text', required: true },
		{ name: 'refundImages', displayName: 'Image URLs (JSON)', kind: 'json', optional: true, placeholder: '["https://…/photo.jpg"]' },
	],
});
