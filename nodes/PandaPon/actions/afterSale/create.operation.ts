import type { INodeProperties } from 'n8n-workflow';

import { refundCreateSchema } from '../../schemas/afterSale';
import { defineOperation } from '../define';
import { ENTRY_IDS, GOODS_STATUS, ORDER_ID } from './fields';

const notice: INodeProperties[] = [
	{
		displayName:
			'This files a real refund request with the seller; it is sent once and never retried. Amounts are in fen (1/100 yuan): 22500 = 225.00 CNY.',
		name: 'refundNotice',
		type: 'notice',
		default: '',
	},
];

export const { description, execute } = defineOperation({
	resource: 'refund',
	operation: 'create',
	endpoint: 'refundCreate',
	idempotent: false,
	schema: refundCreateSchema,
	extraProperties: notice,
	fields: [
		ORDER_ID,
		{
			name: 'disputeRequest',
			displayName: 'Request',
			kind: 'options',
			default: 'refund',
			options: [
				{ name: 'Refund Only', value: 'refund' },
				{ name: 'Return and Refund', value: 'returnRefund' },
			],
			description: '1688’s values as far as known (PandaPon does not publish the list)',
		},
		GOODS_STATUS,
		{ name: 'applyPayment', displayName: 'Refund Amount (Fen)', kind: 'number', required: true, default: 0, description: 'Goods amount to refund, in fen (22500 = 225.00 CNY)' },
		{ name: 'applyCarriage', displayName: 'Shipping Refund (Fen)', kind: 'number', required: true, default: 0, description: 'Shipping to refund, in fen' },
		{ name: 'applyReasonId', displayName: 'Reason ID', kind: 'number', required: true, default: 0, description: 'A reason ID from Get Refund Reasons' },
		{ name: 'description', displayName: 'Description', kind: 'text', required: true, placeholder: 'wrong size' },
		ENTRY_IDS,
		{ name: 'vouchers', displayName: 'Voucher Images', kind: 'json', optional: true, placeholder: '["https://…/voucher.jpg"]', description: 'JSON array of voucher references from Upload Voucher' },
		{
			name: 'orderEntryCountList',
			displayName: 'Quantities per Sub-Order',
			kind: 'json',
			optional: true,
			placeholder: '[{"id": "2542285634920880794", "count": 1}]',
			description: 'JSON array of {id, count} for partial returns',
		},
	],
});
