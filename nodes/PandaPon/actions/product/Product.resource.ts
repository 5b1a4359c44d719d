import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as get from './get.operation';
import * as getCategory from './getCategory.operation';
import * as getHotList from './getHotList.operation';
import * as getRecommendations from './getRecommendations.operation';
import * as getRelated from './getRelated.operation';
import * as search from './search.operation';
import * as searchByImage from './searchByImage.operation';
import * as searchGlobalSelection from './searchGlobalSelection.operation';
import * as searchStore from './searchStore.operation';
import * as searchStrictSelection from './searchStrictSelection.operation';

export const operations = {
	get,
	getCategory,
	getHotList,
	getRecommendations,
	getRelated,
	search,
	searchByImage,
	searchGlobalSelection,
	searchStore,
	searchStrictSelection,
};

export const description: INodeProperties[] = resourceProperties(
	'product',
	'search',
	[
		{
			name: 'Get',
			value: 'get',
			description:
				'Get a 1688 product’s details (title, translated title, SKUs, seller) by offer ID',
			action: 'Get a 1688 product',
		},
		{
			name: 'Get Category',
			value: 'getCategory',
			description: 'Get a 1688 category’s name in a language',
			action: 'Get a 1688 category name',
		},
		{
			name: 'Get Hot List',
			value: 'getHotList',
			description: 'Get the 1688 hot-selling list',
			action: 'Get the 1688 hot list',
		},
		{
			name: 'Get Recommendations',
			value: 'getRecommendations',
			description: 'Get recommended 1688 products',
			action: 'Get recommended 1688 products',
		},
		{
			name: 'Get Related',
			value: 'getRelated',
			description: 'Get products similar to a given product (mapped offer ID)',
			action: 'Get related 1688 products',
		},
		{
			name: 'Search by Image',
			value: 'searchByImage',
			description: 'Find 1688 products that look like an image (binary file or URL)',
			action: 'Search 1688 products by image',
		},
		{
			name: 'Search by Keyword',
			value: 'search',
			description: 'Search 1688 products by keyword, with price, category and sort filters',
			action: 'Search 1688 products by keyword',
		},
		{
			name: 'Search Global Strict Selection',
			value: 'searchGlobalSelection',
			description: 'Keyword search in the global strict-selection list',
			action: 'Search 1688 global strict selection',
		},
		{
			name: 'Search Seller’s Store',
			value: 'searchStore',
			description: 'List or search the products of one seller (sellerOpenId)',
			action: 'Search the store of a 1688 seller',
		},
		{
			name: 'Search Strict Selection',
			value: 'searchStrictSelection',
			description: 'Keyword search in 1688’s strict-selection list',
			action: 'Search 1688 strict selection',
		},
	],
	operations,
);
