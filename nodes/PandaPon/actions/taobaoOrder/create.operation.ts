import type { INodeProperties } from 'n8n-workflow';

import { taobaoOrderCreateSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { ORDER_LINES, RECEIVER } from './fields';

const notice: INodeProperties[] = [
	{
		displayName: 'This places a real Taobao order, sent once and never retried. Budget is in fen: 40000 = 400.00 CNY.',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
];

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'create',
	endpoint: 'taobaoOrderCreate',
	idempotent: false,
	schema: taobaoOrderCreateSchema,
	extraProperties: notice,
	fields: [
		ORDER_LINES,
		RECEIVER,
		{ name: 'purchaseAmount', displayName: 'Budget (Fen)', kind: 'number', required: true, default: 0, description: 'The most the order may cost, in fen (PandaPon refuses orders above it)' },
		{ name: 'orderSource', displayName: 'Order Source', kind: 'text', optional: true, placeholder: 'lazada', description: 'Your sales channel' },
		{ name: 'sellerOrderNumber', displayName: 'Your Order Number', kind: 'text', optional: true },
	],
});
