import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export const operations = { getAll, upsert };

export const description: INodeProperties[] = resourceProperties('address', 'upsert', [
	{
		name: 'Create or Update',
		value: 'upsert',
		// Says what is saved and when it is updated instead of n8n's generic upsert sentence, which names neither.
		// eslint-disable-next-line n8n-nodes-base/node-param-description-wrong-for-upsert
		description: 'Save a delivery address in the address book: a new one, or the one whose ID you give under Additional Fields',
		action: 'Create or update a PandaPon address',
	},
	{ name: 'Get Many', value: 'getAll', description: 'List the address book', action: 'Get many PandaPon addresses' },
], operations);
