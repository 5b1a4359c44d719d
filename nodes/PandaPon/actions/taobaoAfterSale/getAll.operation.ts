import { taobaoRefundListSchema } from '../../schemas/taobao';
import { compactTaobaoRefund } from '../../simplify';
import { defineOperation } from '../define';
import { TAOBAO_PAGING } from '../taobaoProduct/fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'getAll',
	endpoint: 'taobaoRefundList',
	idempotent: true,
	simplify: { what: 'refund (ID, state, amount with its currency, reason, order line, return parcel)', compact: compactTaobaoRefund },
	schema: taobaoRefundListSchema,
	paging: TAOBAO_PAGING,
	fields: [
		{ name: 'refundId', displayName: 'Refund ID', kind: 'text', optional: true },
		{ name: 'purchaseOrderId', displayName: 'Purchase Order ID', kind: 'text', optional: true },
		{ name: 'salesOrderId', displayName: 'Taobao Order No.', kind: 'text', optional: true },
		{ name: 'refundStatus', displayName: 'Refund Status Code', kind: 'number', optional: true },
		{ name: 'refundStartTime', displayName: 'From (Epoch Ms)', kind: 'number', optional: true },
		{ name: 'refundEndTime', displayName: 'To (Epoch Ms)', kind: 'number', optional: true },
	],
});
