import { taobaoRefundMessageSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { REFUND_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'postMessage',
	endpoint: 'taobaoRefundMessage',
	schema: taobaoRefundMessageSchema,
	fields: [
		REFUND_ID,
		{
			name: 'refundMessage',
			displayName: 'Message',
			kind: 'text',
			required: true,
			description: 'What you write to the seller',
		},
		{
			name: 'refundImages',
			displayName: 'Images',
			kind: 'text',
			optional: true,
			placeholder: 'e.g. https://example.com/photo.jpg',
			description:
				'Sent as text (refundImages is a string on PandaPon’s page, which does not describe its format)',
		},
	],
});
