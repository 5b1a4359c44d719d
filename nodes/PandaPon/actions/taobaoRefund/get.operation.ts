import { taobaoRefundIdSchema } from '../../model/taobao';
import { compactTaobaoRefund } from '../../shared/simplify';
import { defineOperation } from '../define';
import { REFUND_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'get',
	endpoint: 'taobaoRefundDetail',
	simplify: {
		what: 'refund (ID, state, amount with its currency, reason, order line, return parcel)',
		compact: compactTaobaoRefund,
	},
	schema: taobaoRefundIdSchema,
	fields: [REFUND_ID],
});
