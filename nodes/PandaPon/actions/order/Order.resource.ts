import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/parameters';
import { concurrencyOption } from '../shared/output';

import * as cancel from './cancel.operation';
import * as confirmReceipt from './confirmReceipt.operation';
import * as create from './create.operation';
import * as createBatch from './createBatch.operation';
import * as decryptWangwang from './decryptWangwang.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getLogistics from './getLogistics.operation';
import * as getPaymentUrl from './getPaymentUrl.operation';
import * as pay from './pay.operation';
import * as preview from './preview.operation';
import * as previewBatch from './previewBatch.operation';

export const operations = {
	cancel,
	confirmReceipt,
	create,
	createBatch,
	decryptWangwang,
	get,
	getAll,
	getLogistics,
	getPaymentUrl,
	pay,
	preview,
	previewBatch,
};

/**
 * Options (Requests in Parallel only) for the hand-written operations flagged parallel (their items are independent)
 * that have no Options of their own; those that have one list Requests in Parallel in it.
 */
const withoutOptions = Object.entries(
	operations as Record<string, { parallel?: boolean; description: INodeProperties[] }>,
)
	.filter(
		([, operation]) =>
			operation.parallel && !operation.description.some((p) => p.name === 'options'),
	)
	.map(([name]) => name);
const concurrency: INodeProperties = {
	...optionsCollection([concurrencyOption]),
	displayOptions: { show: { resource: ['order'], operation: withoutOptions } },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel an unpaid 1688 order (needs the 1688 order ID and a reason)',
				action: 'Cancel an unpaid 1688 order',
			},
			{
				name: 'Confirm Receipt',
				value: 'confirmReceipt',
				description: 'Confirm that a shipped 1688 order (or some of its lines) arrived',
				action: 'Confirm receipt of a 1688 order',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Place a 1688 order with one seller (address + cargo lines). Real order, sent once.',
				action: 'Buy from one 1688 seller with real money',
			},
			{
				name: 'Create for Several Sellers',
				value: 'createBatch',
				description:
					'Place 1688 orders for lines from several sellers: one order per seller, one output item each',
				action: 'Buy from many 1688 sellers with real money',
			},
			{
				name: 'Decrypt Seller Nickname',
				value: 'decryptWangwang',
				description:
					'Turn an encrypted seller ID (sellerOpenId) into the seller’s Wangwang nickname',
				action: 'Get the chat nickname of a 1688 seller',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one 1688 order’s details (status, items, logistics) by its 1688 order ID',
				action: 'Get a 1688 order',
			},
			{
				name: 'Get Logistics',
				value: 'getLogistics',
				description: 'Track the parcels of a shipped 1688 order by its 1688 order ID',
				action: 'Track the parcels of a 1688 order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List 1688 orders, newest first, with filters (order ID, status, users, creation time)',
				action: 'Get many 1688 orders',
			},
			{
				name: 'Get Payment URL',
				value: 'getPaymentUrl',
				description: 'Get the cashier link a person can open to pay an unpaid 1688 order',
				action: 'Get a payment URL for a 1688 order',
			},
			{
				name: 'Pay',
				value: 'pay',
				description: 'Submit one or more unpaid 1688 orders for payment. Real money, sent once.',
				action: 'Pay 1688 orders with real money',
			},
			{
				name: 'Preview',
				value: 'preview',
				description:
					'Price an order with one seller before creating it (address + cargo lines). Buys nothing.',
				action: 'Preview a 1688 order',
			},
			{
				name: 'Preview for Several Sellers',
				value: 'previewBatch',
				description: 'Price lines from several sellers: one preview per seller. Buys nothing.',
				action: 'Preview 1688 orders for several sellers',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...preview.description,
	...previewBatch.description,
	...create.description,
	...createBatch.description,
	...getPaymentUrl.description,
	...pay.description,
	...cancel.description,
	...confirmReceipt.description,
	...getLogistics.description,
	...decryptWangwang.description,
	concurrency,
];
