import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getChatLink from './getChatLink.operation';
import * as getLogistics from './getLogistics.operation';
import * as pay from './pay.operation';
import * as render from './render.operation';
import * as updateWarehouse from './updateWarehouse.operation';
import * as uploadPaymentVoucher from './uploadPaymentVoucher.operation';

export const operations = {
	cancel,
	create,
	get,
	getAll,
	getChatLink,
	getLogistics,
	pay,
	render,
	updateWarehouse,
	uploadPaymentVoucher,
};

export const description: INodeProperties[] = resourceProperties(
	'taobaoOrder',
	'getLogistics',
	[
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Cancel a Taobao order',
			action: 'Cancel a Taobao order',
		},
		{
			name: 'Change Warehouse',
			value: 'updateWarehouse',
			description: 'Change the pre-warehouse a Taobao order ships to',
			action: 'Change the warehouse of a Taobao order',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Place a Taobao order within a budget in CNY (real money)',
			action: 'Create a Taobao order with real money',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a Taobao order by ID',
			action: 'Get a Taobao order',
		},
		{
			name: 'Get Chat Link',
			value: 'getChatLink',
			description: 'Get the seller chat URL for an item or order',
			action: 'Get a Taobao seller chat link',
		},
		{
			name: 'Get Logistics',
			value: 'getLogistics',
			description: 'Track the parcels of a Taobao sub-order',
			action: 'Track the parcels of a Taobao sub-order',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List Taobao orders',
			action: 'Get many Taobao orders',
		},
		{
			name: 'Pay',
			value: 'pay',
			description: 'Pay a Taobao order (real money)',
			action: 'Pay a Taobao order with real money',
		},
		{
			name: 'Preview (Render)',
			value: 'render',
			description: 'Price Taobao order lines to an address before creating the order',
			action: 'Preview a Taobao order',
		},
		{
			name: 'Upload Payment Voucher',
			value: 'uploadPaymentVoucher',
			description: 'Upload a bank-transfer voucher image for an order',
			action: 'Upload a Taobao bank transfer voucher',
		},
	],
	operations,
);
