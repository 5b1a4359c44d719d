/**
 * Use Unverified Endpoint: the explicit yes a guessed write needs before anything is sent, and the one notice of a
 * guessed endpoint in the user's words (the evidence itself is in the README table).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isGuessedWrite, type Endpoint } from '../../model/endpoints';
import { safetySetting } from '../../model/safety';
import { inputError } from '../../shared/parameters';

/** The one notice of a guessed endpoint, in the user's words (the evidence itself is in the README table). */
export function guessNotice(endpoint: Endpoint): INodeProperties {
	return {
		displayName: isGuessedWrite(endpoint)
			? 'PandaPon does not publish how this call works, so the node would send a guess, which could act wrongly on real orders or money. It runs only if you turn on Use Unverified Endpoint below.'
			: 'PandaPon does not publish this endpoint, so the node sends its best guess. If PandaPon refuses it, nothing has changed; once PandaPon gives you the right path, call it with the Signed API Call resource.',
		name: 'inferredNotice',
		type: 'notice',
		default: '',
	};
}

/** The explicit yes a guessed write needs before anything is sent. */
export const USE_UNVERIFIED: INodeProperties = safetySetting<INodeProperties>({
	displayName: 'Use Unverified Endpoint',
	name: 'useUnverifiedEndpoint',
	type: 'boolean',
	default: false,
	description:
		'Whether to send this guessed request anyway. Leave off unless you have checked with PandaPon (or with the local test server) that it does what you expect.',
});

/** Refuses a guessed write unless the user said yes in this node; nothing is sent. */
export function assertUnverifiedAllowed(
	this: IExecuteFunctions,
	endpoint: Endpoint,
	itemIndex: number,
): void {
	if (!isGuessedWrite(endpoint)) return;
	if (this.getNodeParameter('useUnverifiedEndpoint', itemIndex, false) === true) return;
	throw inputError(
		this,
		itemIndex,
		`This operation was not sent: PandaPon does not publish this endpoint (${endpoint.method} ${endpoint.path} is a guess) and it changes real orders or money. Turn on "Use Unverified Endpoint" in this node to send it anyway.`,
		'Nothing was sent to PandaPon. The README lists the evidence for every operation.',
	);
}
