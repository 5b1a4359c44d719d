import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as checkConnection from './checkConnection.operation';

export const operations = { checkConnection };

export const description: INodeProperties[] = resourceProperties(
	'account',
	'checkConnection',
	[
		{
			name: 'Check Connection',
			value: 'checkConnection',
			description:
				'Find the signature form PandaPon accepts for your keys and check the clock (read-only)',
			action: 'Check the PandaPon connection',
		},
	],
	operations,
);
