import type { INodeProperties } from 'n8n-workflow';

import { refundCreateSchema } from '../../model/refund';
import { defineOperation } from '../define';
import { ENTRY_IDS, GOODS_STATUS, ORDER_ID } from './fields';

const notice: INodeProperties[] = [
	{
		displayName:
			'This files a real refund request with the seller; it is sent once and never retried. PandaPon’s page types the amounts as whole numbers without a unit; elsewhere its 1688 amounts are in fen (1/100 yuan), so 22500 would be 225.00 CNY. Check the first refund you file.',
		name: 'refundNotice',
		type: 'notice',
		default: '',
	},
];

export const { description, execute, endpoint } = defineOperation({
	resource: 'refund',
	operation: 'create',
	endpoint: 'refundCreate',
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
			description:
				'PandaPon does not publish the allowed values: these are 1688’s own, a convention rather than PandaPon’s text',
		},
		GOODS_STATUS,
		{
			name: 'applyPayment',
			displayName: 'Refund Amount (Probably Fen)',
			kind: 'number',
			required: true,
			default: 0,
			description:
				'Goods amount to refund (applyPayment), a whole number. Unit not published by PandaPon: probably fen (22500 = 225.00 CNY).',
		},
		{
			name: 'applyCarriage',
			displayName: 'Shipping Refund (Probably Fen)',
			kind: 'number',
			required: true,
			default: 0,
			description:
				'Shipping to refund (applyCarriage), a whole number. Unit not published: probably fen.',
		},
		{
			name: 'applyReasonId',
			displayName: 'Reason ID',
			kind: 'number',
			required: true,
			default: 0,
			description: 'A reason ID from Get Refund Reasons',
		},
		{
			name: 'description',
			displayName: 'Description',
			kind: 'text',
			required: true,
			placeholder: 'e.g. wrong size',
			description: 'Why you ask for the refund, in words the seller reads (description)',
		},
		ENTRY_IDS,
		{
			name: 'vouchers',
			displayName: 'Voucher Images',
			kind: 'json',
			optional: true,
			placeholder: 'e.g. ["https://…/voucher.jpg"]',
			description: 'JSON array of voucher references from Upload Voucher',
		},
		{
			name: 'orderEntryCountList',
			displayName: 'Quantities per Sub-Order',
			kind: 'json',
			optional: true,
			placeholder: 'e.g. [{"id": "2542285634920880794", "count": 1}]',
			description: 'JSON array of {id, count} for partial returns',
		},
	],
});
