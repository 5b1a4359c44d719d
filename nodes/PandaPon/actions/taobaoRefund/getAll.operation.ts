import { taobaoRefundListSchema } from '../../model/taobao';
import { compactTaobaoRefund } from '../../shared/simplify';
import { defineOperation } from '../define';
import { TAOBAO_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'getAll',
	endpoint: 'taobaoRefundList',
	simplify: {
		what: 'refund (ID, state, amount with its currency, reason, order line, return parcel)',
		compact: compactTaobaoRefund,
	},
	schema: taobaoRefundListSchema,
	paging: TAOBAO_PAGING,
	fields: [
		{
			name: 'refundId',
			displayName: 'Refund ID',
			kind: 'text',
			optional: true,
			placeholder: 'e.g. 110002685755',
			description: 'The refund ID',
		},
		{
			name: 'purchaseOrderId',
			displayName: 'Purchase Order ID',
			kind: 'text',
			optional: true,
			description: 'Only this PandaPon purchase order ID (purchaseOrderId)',
		},
		{
			name: 'salesOrderId',
			displayName: 'Taobao Order No.',
			kind: 'text',
			optional: true,
			description: 'Only this Taobao order number (salesOrderId)',
		},
		{
			name: 'refundStatus',
			displayName: 'Refund Status Code',
			kind: 'code',
			optional: true,
			placeholder: 'e.g. 1',
			description:
				'Only refunds in this state. PandaPon does not publish the codes: copy one from a refund’s refundStatus.',
		},
		{
			name: 'refundStartTime',
			displayName: 'Created After',
			kind: 'epochMs',
			optional: true,
			description: 'Only refunds requested at or after this time (sent as epoch milliseconds)',
		},
		{
			name: 'refundEndTime',
			displayName: 'Created Before',
			kind: 'epochMs',
			optional: true,
			description: 'Only refunds requested at or before this time (sent as epoch milliseconds)',
		},
	],
});
