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
	'cart',
	'getAll',
	[
		{
			name: 'Add Item',
			value: 'add',
			description: 'Put a 1688 SKU in the PandaPon cart',
			action: 'Add a product to the 1688 cart',
		},
		{
			name: 'Create Order',
			value: 'createOrder',
			description: 'Order cart lines (real money): one 1688 order per seller',
			action: 'Order 1688 cart lines with real money',
		},
		{
			name: 'Delete Items',
			value: 'delete',
			description: 'Remove cart lines by cart ID',
			action: 'Delete 1688 cart lines',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the cart: one item per line, with its shop and availability',
			action: 'Get many 1688 cart lines',
		},
		{
			name: 'Preview Order',
			value: 'preview',
			description: 'Price cart lines to an address before ordering',
			action: 'Preview an order of 1688 cart lines',
		},
		{
			name: 'Update Quantity',
			value: 'updateQuantity',
			description: 'Change the quantity of a cart line',
			action: 'Update a 1688 cart line quantity',
		},
	],
	operations,
);
