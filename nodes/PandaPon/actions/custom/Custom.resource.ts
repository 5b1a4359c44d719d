import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export const operations = { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['custom'] } },
		options: [{ name: 'Call API', value: 'call', description: 'Send a signed request to any PandaPon API path', action: 'Call a pandapon API path' }],
		default: 'call',
	},
	...call.description,
];
