import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as call from './call.operation';

export const operations = { call };

export const description: INodeProperties[] = resourceProperties(
	'custom',
	'call',
	[
		{
			name: 'Call API',
			value: 'call',
			description: 'Send a signed request to any PandaPon API path',
			action: 'Make a signed PandaPon API call',
		},
	],
	operations,
);
