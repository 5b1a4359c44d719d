import { taobaoUpdateWarehouseSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { TAOBAO_ORDER_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'updateWarehouse',
	endpoint: 'taobaoOrderUpdateWarehouse',
	schema: taobaoUpdateWarehouseSchema,
	fields: [
		TAOBAO_ORDER_ID,
		{
			name: 'warehouseName',
			displayName: 'Warehouse Name',
			kind: 'text',
			required: true,
			description: 'The name of the pre-warehouse the order should ship to',
		},
		{
			name: 'warehouseAddress',
			displayName: 'Warehouse Address',
			kind: 'text',
			required: true,
			description: 'The address of the pre-warehouse the order should ship to',
		},
	],
});
