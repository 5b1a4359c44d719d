/** Fields shared by the 1688 goods operations (their pages: the endpoint table, model/endpoints.ts). */
import type { FieldSpec } from '../shared/fields';
import { country } from '../shared/translation';

/** Filters shared by the keyword, image and store searches. */
export const searchFilters: FieldSpec[] = [
	{
		name: 'priceStart',
		displayName: 'Min Price (CNY)',
		kind: 'text',
		optional: true,
		placeholder: 'e.g. 10.00',
		description: 'Lowest unit price in yuan',
	},
	{
		name: 'priceEnd',
		displayName: 'Max Price (CNY)',
		kind: 'text',
		optional: true,
		placeholder: 'e.g. 99.00',
		description: 'Highest unit price in yuan',
	},
	{
		name: 'filter',
		displayName: '1688 Filter Flags',
		kind: 'text',
		optional: true,
		placeholder: 'e.g. shipInToday,ksCiphertext',
		description: 'Comma-separated 1688 filter flags',
	},
	{
		name: 'sort',
		displayName: 'Sort',
		kind: 'options',
		optional: true,
		default: '',
		options: [
			{ name: 'Relevance (Default)', value: '' },
			{ name: 'Price: Low to High', value: '{"price":"asc"}' },
			{ name: 'Price: High to Low', value: '{"price":"desc"}' },
			{ name: 'Sales: High to Low', value: '{"monthSold":"desc"}' },
		],
		description: 'Sent as PandaPon’s JSON-text sort field',
	},
	{
		name: 'outMemberId',
		displayName: 'Your End-User ID',
		kind: 'text',
		optional: true,
		description: 'Your own customer ID (outMemberId), if you track one',
	},
];

/** What the three keyword searches (Search, Global Selection, Strict Selection) ask: one body, three endpoints. */
export const keywordSearchFields: FieldSpec[] = [
	{
		name: 'keyword',
		displayName: 'Keyword',
		kind: 'text',
		required: true,
		placeholder: 'e.g. T恤',
		description: 'Search words (Chinese finds most)',
	},
	country,
	...searchFilters,
	{
		name: 'categoryId',
		displayName: 'Category ID',
		kind: 'text',
		optional: true,
		description: '1688 category ID',
	},
];
