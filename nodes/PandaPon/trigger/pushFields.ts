/**
 * The fields the PandaPon Trigger and the Verify Push operation share, in one place so the two read alike: the
 * Events and Marketplace filters and the options that decide what happens to a push (confirmation, duplicates).
 * `outcome` words what a push does in each: it starts the workflow, or it comes out of the node.
 */
import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS } from './receivePush';

export interface PushWords {
	/** "start the workflow" / "come out" */
	passes: string;
	/** Unconfirmed Pushes' two choices. */
	flagged: string;
	dropped: string;
	/** What becomes of a push not confirmed yet, with the dropping choice. */
	notYet: string;
}

export const TRIGGER_WORDS: PushWords = {
	passes: 'start the workflow',
	flagged: 'Start the Workflow, Flagged',
	dropped: 'Do Not Start the Workflow',
	notYet:
		': one not confirmed yet is answered 503 so PandaPon sends it again, and a signed one is read again for about 2 minutes and starts once it confirms',
};
export const OPERATION_WORDS: PushWords = {
	passes: 'come out',
	flagged: 'Output, Flagged',
	dropped: 'Drop',
	notYet:
		'; a push not confirmed yet is not marked as seen, so a later copy that confirms comes out',
};

export function eventsField(words: PushWords): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: ['*'],
		description: `Which messages ${words.passes}. Types arrive with a 1688_ or TAOBAO_ prefix; both forms match.`,
	};
}

export function marketplaceField(words: PushWords): INodeProperties {
	return {
		displayName: 'Marketplace',
		name: 'platform',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: '1688', value: '1688' },
			{ name: 'Taobao', value: 'taobao' },
		],
		default: 'any',
		description: `Which marketplace’s orders ${words.passes}: PandaPon marks each message 1688 or Taobao`,
	};
}

/** Confirm With PandaPon, Unconfirmed Pushes, Ignore Duplicates and its window. */
export function pushOptions(words: PushWords): INodeProperties[] {
	return [
		{
			displayName: 'Confirm With PandaPon',
			name: 'confirm',
			type: 'boolean',
			default: true,
			description:
				'Whether to read each 1688 order push’s order back from PandaPon and put confirmed: true, false or "unknown" on the item, with the order as PandaPon shows it. A forged "Order Paid" for an unpaid order is then confirmed: false. Needs the credential above.',
		},
		{
			displayName: 'Unconfirmed Pushes',
			name: 'unconfirmed',
			type: 'options',
			options: [
				{
					name: words.flagged,
					value: 'flag',
					description: 'The item says confirmed: false or "unknown" and why',
				},
				{
					name: words.dropped,
					value: 'skip',
					description: `Only pushes PandaPon confirms ${words.passes}${words.notYet}`,
				},
			],
			default: 'flag',
			description: 'What happens to a push that Confirm With PandaPon cannot confirm',
		},
		{
			displayName: 'Ignore Duplicates',
			name: 'dedupe',
			type: 'boolean',
			default: true,
			description: `Whether identical messages (same type, marketplace and body) within the window ${words.passes} once. PandaPon re-sends failed pushes every 30 minutes, 5 times.`,
		},
		{
			displayName: 'Duplicate Window (Minutes)',
			name: 'dedupeWindowMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1440,
		},
	];
}
