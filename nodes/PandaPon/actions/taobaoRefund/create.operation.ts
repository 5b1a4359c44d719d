import type { INodeProperties } from 'n8n-workflow';

import { taobaoRefundSubmitSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { REFUND_REQUEST } from './fields';

const notice: INodeProperties = {
	displayName:
		'This sends a real refund request to the Taobao seller (there is no sandbox). Sent once, never repeated automatically: if it fails, check Taobao After-Sale → Get Many before sending again. Amounts are in fen (1/100 CNY).',
	name: 'createNotice',
	type: 'notice',
	default: '',
};

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'create',
	endpoint: 'taobaoRefundSubmit',
	schema: taobaoRefundSubmitSchema,
	extraProperties: [notice],
	fields: REFUND_REQUEST,
});
