/**
 * Push → Verify Push: for pushes received by n8n's own Webhook node (which n8n answers at once, on its fast path)
 * instead of the PandaPon Trigger. It makes the same decisions as the trigger, with the same code
 * (push/receive.ts, push/confirm.ts): PandaPon's signature over the raw bytes (doc-cnv2.pandapon.com/doc-6521894),
 * a lossless parse, the replay check, the Events filter, the duplicate stores and Confirm With PandaPon. The
 * Webhook node has already answered, so what the trigger would refuse is dropped here (and logged), not answered.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { confirmAsOptioned, dropsUnconfirmed } from '../../trigger/confirmPush';
import {
	OPERATION_WORDS,
	eventsField,
	marketplaceField,
	pushOptions,
} from '../../trigger/pushFields';
import {
	duplicateStores,
	duplicateWindowMs,
	seenBefore,
	startsOnce,
	loadPushSecret,
	pushScope,
	receivePush,
	type SignatureMode,
} from '../../trigger/receivePush';
import type { EndpointName } from '../../model/endpoints';
import { forOperation, inputError, optionsCollection, toItems } from '../../shared/parameters';

/** The read Confirm With PandaPon makes (the operation itself sends nothing else). */
export const endpoint: EndpointName = 'orderList';

export const description: INodeProperties[] = forOperation('push', 'verify', [
	{
		displayName:
			'Put this after n8n’s Webhook node (HTTP Method POST, Respond Immediately, and under Options turn on Raw Body). Paste the Webhook node’s Production URL in the PandaPon console under Message Service. Each push comes out as the PandaPon Trigger would start it; forged, replayed and duplicate pushes come out as nothing. Use it when pushes arrive by the dozen per second: n8n answers its own Webhook node faster than a community trigger.',
		name: 'verifyNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Raw Body Field',
		name: 'rawBodyField',
		type: 'string',
		default: 'data',
		required: true,
		description:
			'The binary field that holds the push exactly as received (the Webhook node’s Raw Body option puts it in “data”)',
	},
	{
		displayName: 'Signature Check',
		name: 'signatureCheck',
		type: 'options',
		options: [
			{
				name: 'Reject Unsigned or Mis-Signed',
				value: 'reject',
				description: 'A push whose signature is missing or wrong comes out as nothing (logged)',
			},
			{
				name: 'Flag Only',
				value: 'flag',
				description:
					'Every push comes out, with signature "valid", "invalid" or "missing" on the item',
			},
		],
		default: 'reject',
		description:
			'PandaPon signs each push with your Access Secret (HMAC-SHA256 of the body in the Authorization header), checked against the credential above',
	},
	eventsField(OPERATION_WORDS),
	optionsCollection([...pushOptions(OPERATION_WORDS), marketplaceField(OPERATION_WORDS)]),
]);

const header = (headers: IDataObject, name: string) => {
	const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
	return found ? (found[1] as string | string[]) : undefined;
};

/** The push's raw bytes (its signature covers them): from the binary field the Webhook node's Raw Body fills. */
async function rawBody(ctx: IExecuteFunctions, itemIndex: number): Promise<Buffer> {
	const input = ctx.getInputData()[itemIndex];
	const field = String(ctx.getNodeParameter('rawBodyField', itemIndex, 'data') || 'data');
	if (!input.binary?.[field]) {
		throw inputError(
			ctx,
			itemIndex,
			`the push has no raw body in the binary field “${field}”: in the Webhook node, under Options, turn on Raw Body`,
			'Its signature covers the bytes PandaPon sent, which only the raw body keeps. Nothing was read from PandaPon.',
		);
	}
	return await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
}

/** A push that is answered, not passed on: a signature that cannot be checked fails the item; the rest is dropped. */
function answered(
	ctx: IExecuteFunctions,
	itemIndex: number,
	verdict: { status: number; body?: string; warn?: string },
): INodeExecutionData[] {
	if (verdict.status === 503) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Item ${itemIndex + 1}: the push’s signature cannot be checked, so it was not passed on: ${verdict.warn ?? ''}`,
			{
				itemIndex,
				description:
					'The push is kept in this execution’s input. Fix the PandaPon API credential, then retry this execution.',
			},
		);
	}
	// The Verify call (empty) and types the Events exclude come out as nothing; a refusal is logged.
	if (verdict.status !== 200)
		ctx.logger?.warn?.(
			`PandaPon Verify Push: item ${itemIndex + 1} dropped (${verdict.body ?? verdict.status})${verdict.warn ? `: ${verdict.warn}` : ''}`,
		);
	return [];
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const raw = await rawBody(this, itemIndex);
	const input = this.getInputData()[itemIndex];
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const mode = this.getNodeParameter('signatureCheck', itemIndex, 'reject') as SignatureMode;
	const loaded = await loadPushSecret(this);
	const scope = pushScope(this);
	const state = this.getWorkflowStaticData('node');
	const windowMs = duplicateWindowMs(options);
	const verdict = receivePush({
		raw,
		authorization: header((input.json.headers ?? {}) as IDataObject, 'authorization'),
		mode: mode === 'flag' ? 'flag' : 'reject',
		loaded,
		windowMs,
		filter: {
			events: this.getNodeParameter('events', itemIndex, ['*']) as string[],
			otherTypes: [],
			platform: (options.platform as 'any') ?? 'any',
		},
		scope,
		state,
	});
	if (verdict.kind === 'answer') return answered(this, itemIndex, verdict);
	const message = verdict.message;
	// Seen = came out before. A push that does not come out (unconfirmed, with Drop) is not recorded, and an
	// unconfirmed one that came out does not hide a later copy that confirms (startsOnce).
	const stores = options.dedupe !== false ? duplicateStores(state, scope, message) : undefined;
	if (stores && seenBefore(stores, Date.now(), windowMs)) return [];
	const confirmation = await confirmAsOptioned(this, message, loaded, options);
	if (dropsUnconfirmed(confirmation, options)) return [];
	if (stores && !startsOnce(stores, confirmation, Date.now(), windowMs)) return [];
	return toItems.call(
		this,
		{ ...(message as IDataObject), ...(confirmation ?? {}) } as IDataObject,
		itemIndex,
	);
}
