import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getLogisticsCompanies from './getLogisticsCompanies.operation';
import * as getReasons from './getReasons.operation';
import * as returnGoods from './returnGoods.operation';
import * as uploadVoucher from './uploadVoucher.operation';

export const operations = {
	create,
	get,
	getLogisticsCompanies,
	getReasons,
	returnGoods,
	uploadVoucher,
};

export const description: INodeProperties[] = resourceProperties(
	'refund',
	'get',
	[
		{
			name: 'Create',
			value: 'create',
			description:
				'Ask the seller for a refund or a return (real request, sent once; amounts in fen)',
			action: 'Create a 1688 refund request',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a 1688 refund’s details by refund ID (TQ…)',
			action: 'Get a 1688 refund',
		},
		{
			name: 'Get Logistics Companies',
			value: 'getLogisticsCompanies',
			description: 'List carriers and their codes for a return shipment',
			action: 'Get carriers for a 1688 return',
		},
		{
			name: 'Get Refund Reasons',
			value: 'getReasons',
			description: 'List the refund reasons (and their IDs) allowed for an order',
			action: 'Get refund reasons for a 1688 order',
		},
		{
			name: 'Submit Return Shipment',
			value: 'returnGoods',
			description: 'Tell the seller the carrier and waybill of the goods you sent back',
			action: 'Submit a 1688 return shipment',
		},
		{
			name: 'Upload Voucher',
			value: 'uploadVoucher',
			description: 'Upload an image (binary) as refund evidence',
			action: 'Upload evidence for a 1688 refund',
		},
	],
	operations,
);
