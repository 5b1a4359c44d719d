import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as add from './add.operation';
import * as createOrder from './createOrder.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as preview from './preview.operation';
import * as updateQuantity from './updateQuantity.operation';

export const operations = { add, createOrder, delete: del, getAll, preview, updateQuantity };

export const description: INodeProperties[] = resourceProperties('cart', 'getAll', [
	{ name: 'Add Item', value: 'add', description: 'Put a 1688 SKU in the PandaPon cart (endpoint inferred)', action: 'Add a 1688 product to the PandaPon cart which changes the cart and is sent once' },
	{ name: 'Create Order', value: 'createOrder', description: 'Order cart lines (real order, sent once): one 1688 order per seller', action: 'Create 1688 orders from cart lines that spend real money and are sent once' },
	{ name: 'Delete Items', value: 'delete', description: 'Remove cart lines by cart ID (endpoint inferred)', action: 'Delete lines from the 1688 cart by cart ID which is sent once' },
	{ name: 'Get Many', value: 'getAll', description: 'List the cart: one item per line, with its shop and availability', action: 'Get many 1688 cart lines' },
	{ name: 'Preview Order', value: 'preview', description: 'Price cart lines to an address before ordering', action: 'Preview the price of 1688 cart lines without buying' },
	{ name: 'Update Quantity', value: 'updateQuantity', description: 'Change the quantity of a cart line', action: 'Update the quantity of a 1688 cart line by cart ID which changes the cart' },
], operations);
