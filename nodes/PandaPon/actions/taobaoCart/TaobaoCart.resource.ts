import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as add from './add.operation';
import * as createOrder from './createOrder.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as preview from './preview.operation';
import * as updateQuantity from './updateQuantity.operation';

export const operations = { add, createOrder, delete: del, getAll, preview, updateQuantity };

export const description: INodeProperties[] = resourceProperties(
	'taobaoCart',
	'getAll',
	[
		{
			name: 'Add Item',
			value: 'add',
			description: 'Put a Taobao distribution SKU (mpId + mpSkuId) in the cart',
			action: 'Add an item to the Taobao cart',
		},
		{
			name: 'Create Order',
			value: 'createOrder',
			description: 'Order Taobao cart lines (real money)',
			action: 'Order Taobao cart lines with real money',
		},
		{
			name: 'Delete Items',
			value: 'delete',
			description: 'Remove Taobao cart lines',
			action: 'Delete Taobao cart lines',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the Taobao cart',
			action: 'Get many Taobao cart lines',
		},
		{
			name: 'Preview Order',
			value: 'preview',
			description: 'Price Taobao cart lines',
			action: 'Preview an order of Taobao cart lines',
		},
		{
			name: 'Update Quantity',
			value: 'updateQuantity',
			description: 'Change a Taobao cart line’s quantity',
			action: 'Update a Taobao cart line quantity',
		},
	],
	operations,
);
