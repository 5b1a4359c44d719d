import { taobaoOrderListSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { TAOBAO_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'getAll',
	endpoint: 'taobaoOrderList',
	schema: taobaoOrderListSchema,
	paging: TAOBAO_PAGING,
	fields: [
		{
			name: 'salesOrderId',
			displayName: 'Taobao Order No.',
			kind: 'text',
			optional: true,
			description: 'Only this Taobao order number (salesOrderId)',
		},
		{
			name: 'purchaseOrderId',
			displayName: 'Purchase Order ID',
			kind: 'text',
			optional: true,
			description: 'Only this PandaPon purchase order ID (purchaseOrderId)',
		},
		{
			name: 'orderStatus',
			displayName: 'Status Code',
			kind: 'number',
			optional: true,
			description: 'Taobao status codes are unpublished',
		},
	],
});
