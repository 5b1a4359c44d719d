import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { safetySetting } from '../../model/safety';
import { taobaoOrderCreateSchema } from '../../model/taobao';
import { inputError } from '../../shared/parameters';
import { defineOperation } from '../define';
import { yuanAmount } from '../shared/spendingCap';
import {
	ORDER_RECEIVER,
	readTaobaoOrderInput,
	taobaoAddressInput,
	taobaoOrderLinesInput,
} from '../shared/taobaoAddress';

const notice: INodeProperties = {
	displayName:
		'This places a real Taobao order and moves real money (there is no sandbox). It is sent once and never repeated automatically. PandaPon refuses the order when it costs more than Budget (CNY).',
	name: 'createNotice',
	type: 'notice',
	default: '',
};

const budget: INodeProperties = safetySetting<INodeProperties>({
	displayName: 'Budget (CNY)',
	name: 'budgetYuan',
	type: 'number',
	required: true,
	typeOptions: { minValue: 0.01, numberPrecision: 2 },
	default: 0,
	placeholder: 'e.g. 400 (= 400.00 CNY)',
	description:
		'The most the order may cost, in yuan (CNY), like every spending limit of this node: sent to PandaPon in fen (purchaseAmount), and PandaPon refuses the order above it',
});

/** Budget (CNY) → purchaseAmount in fen; an empty, 0 or unreadable budget refuses before sending. */
function readBudgetFen(this: IExecuteFunctions, itemIndex: number): number {
	const raw = this.getNodeParameter('budgetYuan', itemIndex, undefined) as unknown;
	const value = yuanAmount(raw);
	if (!Number.isFinite(value) || value <= 0) {
		throw inputError(
			this,
			itemIndex,
			`Budget (CNY) must be an amount of yuan above 0 (got ${raw === undefined || raw === '' ? 'nothing' : JSON.stringify(raw)}), so nothing was sent`,
			'Nothing was sent to PandaPon. Earlier versions of this node took the budget in fen under Budget (Fen): enter it again in yuan.',
		);
	}
	return Math.round(value * 100);
}

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'create',
	endpoint: 'taobaoOrderCreate',
	schema: taobaoOrderCreateSchema,
	extraProperties: [
		notice,
		...taobaoOrderLinesInput,
		...taobaoAddressInput(ORDER_RECEIVER),
		budget,
	],
	fields: [
		{
			name: 'orderSource',
			displayName: 'Order Source',
			kind: 'text',
			optional: true,
			placeholder: 'e.g. lazada',
			description: 'Your sales channel, for your own records',
		},
		{
			name: 'sellerOrderNumber',
			displayName: 'Your Order Number',
			kind: 'text',
			optional: true,
			placeholder: 'e.g. SO-1001',
			description: 'Your own order reference, kept with the Taobao order',
		},
	],
	prepare(itemIndex, request) {
		readTaobaoOrderInput.call(this, itemIndex, request.body);
		request.body.purchaseAmount = readBudgetFen.call(this, itemIndex);
		return Promise.resolve();
	},
});
