import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../define';
import * as verify from './verify.operation';

export const operations = { verify };

export const description: INodeProperties[] = resourceProperties(
	'push',
	'verify',
	[
		{
			name: 'Verify Push',
			value: 'verify',
			description:
				'Check a push n8n’s Webhook node received: signature, duplicates, and what PandaPon shows',
			action: 'Verify a PandaPon push',
		},
	],
	operations,
);
