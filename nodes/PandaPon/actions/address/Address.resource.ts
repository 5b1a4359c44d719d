import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export const operations = { getAll, upsert };

export const description: INodeProperties[] = resourceProperties(
	'address',
	'upsert',
	[
		// n8n's community-package verification requires its own upsert sentence here (node-param-description-wrong-for-upsert).
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update a PandaPon address',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the address book',
			action: 'Get many PandaPon addresses',
		},
	],
	operations,
);
