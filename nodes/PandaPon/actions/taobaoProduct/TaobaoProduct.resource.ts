import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as checkBatch from './checkBatch.operation';
import * as get from './get.operation';
import * as getSource from './getSource.operation';
import * as inquire from './inquire.operation';
import * as search from './search.operation';
import * as searchByImage from './searchByImage.operation';

export const operations = { checkBatch, get, getSource, inquire, search, searchByImage };

export const description: INodeProperties[] = resourceProperties(
	'taobaoProduct',
	'search',
	[
		{
			name: 'Check Items',
			value: 'checkBatch',
			description: 'Check which Taobao items and SKUs can be bought through distribution',
			action: 'Check Taobao items can be bought',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a Taobao item (stock, price, pictures) by item ID',
			action: 'Get a Taobao item',
		},
		{
			name: 'Get Source Goods',
			value: 'getSource',
			description: 'Get the source-goods record of a Taobao item, translated',
			action: 'Get the source goods of a Taobao item',
		},
		{
			name: 'Inquire',
			value: 'inquire',
			description: 'Commodity inquiry for a Taobao item',
			action: 'Inquire about a Taobao item',
		},
		{
			name: 'Search by Image',
			value: 'searchByImage',
			description: 'Find Taobao items that look like an image',
			action: 'Search Taobao items by image',
		},
		{
			name: 'Search by Keyword',
			value: 'search',
			description: 'Search Taobao distribution items by keyword',
			action: 'Search Taobao items by keyword',
		},
	],
	operations,
);
