import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export const operations = { getAll, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['address'] } },
		options: [
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update an address' },
			{ name: 'Get Many', value: 'getAll', description: 'List the address book (endpoint inferred)', action: 'Get addresses' },
		],
		default: 'upsert',
	},
	...getAll.description,
	...upsert.description,
];
