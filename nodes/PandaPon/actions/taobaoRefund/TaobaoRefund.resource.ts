import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMessages from './getMessages.operation';
import * as getReturnLogistics from './getReturnLogistics.operation';
import * as postMessage from './postMessage.operation';
import * as render from './render.operation';
import * as submitReturnLogistics from './submitReturnLogistics.operation';
import * as update from './update.operation';

export const operations = {
	cancel,
	create,
	get,
	getAll,
	getMessages,
	getReturnLogistics,
	postMessage,
	render,
	submitReturnLogistics,
	update,
};

export const description: INodeProperties[] = resourceProperties(
	'taobaoRefund',
	'get',
	[
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Withdraw a Taobao refund request',
			action: 'Cancel a Taobao refund request',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Submit a Taobao refund request',
			action: 'Create a Taobao refund request',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a Taobao refund’s details',
			action: 'Get a Taobao refund',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List Taobao refunds with filters',
			action: 'Get many Taobao refunds',
		},
		{
			name: 'Get Messages',
			value: 'getMessages',
			description: 'List the messages of a Taobao refund',
			action: 'Get the messages of a Taobao refund',
		},
		{
			name: 'Get Return Logistics Form',
			value: 'getReturnLogistics',
			description: 'Get the return-shipment form of a refund',
			action: 'Get a Taobao return shipment form',
		},
		{
			name: 'Post Message',
			value: 'postMessage',
			description: 'Write to the seller about a Taobao refund',
			action: 'Post a message on a Taobao refund',
		},
		{
			name: 'Render Form',
			value: 'render',
			description: 'Get the refund reasons and the maximum refund for a sub-order',
			action: 'Get Taobao refund reasons and maximum',
		},
		{
			name: 'Submit Return Shipment',
			value: 'submitReturnLogistics',
			description: 'Send the carrier and waybill of returned goods',
			action: 'Submit a Taobao return shipment',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Modify a Taobao refund request',
			action: 'Update a Taobao refund request',
		},
	],
	operations,
);
