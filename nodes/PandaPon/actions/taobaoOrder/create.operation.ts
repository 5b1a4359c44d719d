import type { INodeProperties } from 'n8n-workflow';

import { taobaoOrderCreateSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { ORDER_RECEIVER, readTaobaoOrderInput, taobaoAddressInput, taobaoOrderLinesInput } from '../taobaoAddress';

const notice: INodeProperties = {
	displayName:
		'This places a real Taobao order and moves real money (there is no sandbox). It is sent once and never repeated automatically. Budget is in fen (1/100 CNY): 40000 = 400.00 CNY.',
	name: 'createNotice',
	type: 'notice',
	default: '',
};

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'create',
	endpoint: 'taobaoOrderCreate',
	schema: taobaoOrderCreateSchema,
	extraProperties: [notice, ...taobaoOrderLinesInput, ...taobaoAddressInput(ORDER_RECEIVER)],
	fields: [
		{
			name: 'purchaseAmount',
			displayName: 'Budget (Fen)',
			kind: 'number',
			required: true,
			default: 0,
			placeholder: 'e.g. 40000 (= 400.00 CNY)',
			description: 'The most the order may cost, in fen (1/100 CNY): PandaPon refuses the order above it',
		},
		{ name: 'orderSource', displayName: 'Order Source', kind: 'text', optional: true, placeholder: 'e.g. lazada', description: 'Your sales channel, for your own records' },
		{ name: 'sellerOrderNumber', displayName: 'Your Order Number', kind: 'text', optional: true, placeholder: 'e.g. SO-1001', description: 'Your own order reference, kept with the Taobao order' },
	],
	prepare(itemIndex, request) {
		readTaobaoOrderInput.call(this, itemIndex, request.body);
		return Promise.resolve();
	},
});
