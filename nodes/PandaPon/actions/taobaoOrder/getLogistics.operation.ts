import { taobaoLogisticsSchema } from '../../model/taobao';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'getLogistics',
	endpoint: 'taobaoOrderLogistics',
	schema: taobaoLogisticsSchema,
	fields: [
		{
			name: 'subPurchaseOrderId',
			displayName: 'Sub Purchase Order ID',
			kind: 'id',
			required: true,
			placeholder: 'e.g. 200048859480',
			description: 'The Taobao sub-order (purchase_order_outer_id in price-change messages)',
		},
	],
});
