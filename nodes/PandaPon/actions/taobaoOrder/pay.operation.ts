import type { INodeProperties } from 'n8n-workflow';

import { taobaoOrderIdSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { TAOBAO_ORDER_ID } from './fields';

const notice: INodeProperties = {
	displayName:
		'Pays real money from your PandaPon payment source (there is no sandbox). Sent once, never repeated automatically: if it fails, check the order with Taobao Order → Get before paying again.',
	name: 'payNotice',
	type: 'notice',
	default: '',
};

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'pay',
	endpoint: 'taobaoOrderPay',
	schema: taobaoOrderIdSchema,
	extraProperties: [notice],
	fields: [TAOBAO_ORDER_ID],
});
