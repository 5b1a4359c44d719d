/**
 * What happens to a push PandaPon sends (doc-cnv2.pandapon.com/doc-6521894, 消息签名; delivery per doc-cnv2.pandapon.com/doc-6521894),
 * from its raw bytes to an item or a refusal: the signature over the bytes as received, checked before anything
 * is parsed; the strict modes; a lossless parse; the replay check on the signed timestamp; the Events filter; and
 * the duplicate stores. Shared by the PandaPon Trigger (which answers PandaPon itself) and the PandaPon node's
 * Verify Push operation (behind n8n's own Webhook node, which has already answered), so both decide alike.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import {
	MESSAGE_TYPES,
	NO_ENVELOPE,
	NOT_UNDERSTOOD,
	duplicateKey,
	firstSighting,
	isFresh,
	matches,
	notUnderstoodItem,
	parseMessage,
	SIGHTING_CAPS,
	seenWithin,
	sightingClass,
	type MessageFilter,
	type ParsedMessage,
} from '../model/pushMessage';
import { fenToYuan } from '../shared/simplify';
import type { Confirmation } from './confirmPush';
import { checkPushSignature, type PushSignature } from '../model/pushSignature';
import { CREDENTIAL_NAME } from '../transport/request';

export type SignatureMode = 'learn' | 'reject' | 'flag' | 'off';

/** The Events dropdown of the trigger and of Verify Push. */
export const EVENT_OPTIONS = [
	{ name: 'Any Message', value: '*' },
	...MESSAGE_TYPES.map((t) => ({ name: t.name, value: t.value })),
	{
		name: 'Message Not Understood',
		value: NOT_UNDERSTOOD,
		description: 'A signed push that is not in the documented message form, kept as it came',
	},
];

/**
 * The Access Secret of the selected credential: `none` when no credential is selected (nothing to check against),
 * `unavailable` when one is selected but cannot be read or holds no secret (the strict modes then refuse, so
 * nothing forged starts).
 */
export type LoadedSecret = { secret: string } | 'none' | { unavailable: string };

export async function loadPushSecret(ctx: {
	getNode(): INode;
	getCredentials(type: string): Promise<IDataObject>;
}): Promise<LoadedSecret> {
	const selected = ctx.getNode().credentials?.[CREDENTIAL_NAME];
	try {
		const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
		const secret = String(credentials?.accessSecret ?? '').trim();
		if (secret) return { secret };
		return selected
			? { unavailable: 'the selected PandaPon API credential has no Access Secret' }
			: 'none';
	} catch (error) {
		return selected
			? {
					unavailable: `the selected PandaPon API credential could not be read (${(error as Error).message})`,
				}
			: 'none';
	}
}

/** Whose Learn state and duplicate stores these are: the workflow and the node (the trigger's or Verify Push's). */
export function pushScope(ctx: { getWorkflow(): { id?: string }; getNode(): INode }): string {
	const node = ctx.getNode();
	return `${ctx.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
}

/** The node's Duplicate Window in ms: also the window a push's signed timestamp must fall in (replays). */
export const duplicateWindowMs = (options: IDataObject): number =>
	Number(options.dedupeWindowMinutes ?? 1440) * 60_000;

/** The console's Verify call is a small body: a larger unverified one is refused in the strict modes before parsing. */
const VERIFY_CALL_MAX_CHARS = 4096;

/** Workflows (nodes) of this process that have received a correctly signed push (Learn mode). */
const signedSeen = new Set<string>();

/** The fen amounts of a 1688 order message (doc-cnv2.pandapon.com/doc-6521894), also in yuan: amountsYuan {totalAmount: 232, …}. */
const FEN_FIELDS = ['totalAmount', 'productAmount', 'shippingFee', 'refundAmount'];
function amountsInYuan(message: { platform: string | null; body: unknown }): {
	amountsYuan?: IDataObject;
} {
	if (message.platform !== '1688' || typeof message.body !== 'object' || message.body === null)
		return {};
	const body = message.body as IDataObject;
	const present = FEN_FIELDS.filter(
		(field) => typeof body[field] === 'number' || typeof body[field] === 'string',
	);
	if (!present.length) return {};
	return {
		amountsYuan: Object.fromEntries(present.map((field) => [field, fenToYuan(body[field])])),
	};
}

export interface PushRequest {
	/** The body exactly as received (the signature covers these bytes). */
	raw: Buffer | string;
	authorization: string | string[] | undefined;
	mode: SignatureMode;
	loaded: LoadedSecret;
	windowMs: number;
	filter: MessageFilter;
	/** Workflow and node: whose Learn state and duplicate stores these are. */
	scope: string;
	/** The node's static data (n8n persists it): Learn's "a signed push has arrived". */
	state: IDataObject;
	now?: number;
}

export type PushItem = ParsedMessage & IDataObject & { signature: PushSignature | 'unchecked' };

export type Verdict =
	/** Answered without an item: the Verify call, a message the Events exclude (200), or a refusal (4xx/5xx). */
	| { kind: 'answer'; status: number; body?: string; warn?: string }
	| { kind: 'accept'; message: PushItem };

/** Everything up to the duplicate check: what a push is, and whether it may start anything. */
/**
 * The push's signature (or 'unchecked' without a readable secret or with the check off), and whether this push is
 * judged strictly: Reject always, Learn once a signed push was seen for this node (remembered in its static data).
 */
function signatureOf(request: PushRequest) {
	const { raw, mode, loaded, state, scope } = request;
	const readable = typeof loaded === 'object' && 'secret' in loaded;
	const secret = readable && mode !== 'off' ? loaded.secret : undefined;
	const signature: PushSignature | 'unchecked' = secret
		? checkPushSignature(request.authorization, raw, secret)
		: 'unchecked';
	if (signature === 'valid' && mode === 'learn' && !signedSeen.has(scope)) {
		signedSeen.add(scope);
		state.signedPushSeen = true; // kept by n8n: the next process starts strict too
	}
	const strict =
		mode === 'reject' ||
		(mode === 'learn' && (signedSeen.has(scope) || state.signedPushSeen === true));
	return { secret, signature, strict };
}

/** The workflow item of a push that passed the checks: the message (amounts in yuan too), or a Not Understood item. */
function pushItem(
	outcome: ReturnType<typeof parseMessage>,
	text: string,
	signature: PushSignature | 'unchecked',
	fresh: boolean | null,
): PushItem {
	if (outcome.kind === 'message')
		return {
			...outcome.message,
			...amountsInYuan(outcome.message),
			understood: true,
			signature,
			fresh,
		} as PushItem;
	const reason = outcome.kind === 'invalid' ? outcome.reason : NO_ENVELOPE;
	return notUnderstoodItem(text, reason, signature) as PushItem;
}

/**
 * A push the Events do not start on: a chosen event list ignores other message types (200); a message it cannot
 * even read is not silently dropped but refused (422, logged), so PandaPon re-sends it and it shows in the log.
 */
function notStarted(message: PushItem): Verdict {
	if (message.type !== NOT_UNDERSTOOD) return { kind: 'answer', status: 200 };
	return {
		kind: 'answer',
		status: 422,
		body: 'not a message this trigger starts on',
		warn: `a push it could not read was refused with 422 (${String(message.reason ?? NO_ENVELOPE)}); add Message Not Understood to Events to receive such pushes`,
	};
}

export function receivePush(request: PushRequest): Verdict {
	const { raw, loaded } = request;
	// A UTF-8 byte-order mark is not part of the JSON (the signature still covers the bytes as received).
	const text = (typeof raw === 'string' ? raw : raw.toString('utf8')).replace(/^\uFEFF/, '');
	// The console's Verify call (an empty body) starts nothing.
	if (text.trim() === '') return { kind: 'answer', status: 200 };
	const { secret, signature, strict } = signatureOf(request);
	// Strict, with a credential selected whose secret cannot be had: nothing can be verified, so nothing starts.
	if (strict && typeof loaded === 'object' && 'unavailable' in loaded) {
		return {
			kind: 'answer',
			status: 503,
			body: 'signature cannot be checked right now',
			warn: `push refused with 503, ${loaded.unavailable}`,
		};
	}
	const refusal = {
		kind: 'answer' as const,
		status: 401,
		body: signature === 'missing' ? 'signature required' : 'signature does not match',
	};
	// Unverified in a strict mode, a body too large to be the console's Verify call is refused unparsed.
	if (strict && secret && signature !== 'valid' && text.length > VERIFY_CALL_MAX_CHARS)
		return refusal;
	const outcome = parseMessage(text);
	if (strict && secret && signature !== 'valid') return refusal;
	// A replay: the signed envelope timestamp is older than the duplicate window (which covers PandaPon's 5
	// re-sends, 30 minutes apart, many times over) or far in the future. Refused when strict, flagged otherwise.
	const fresh =
		outcome.kind === 'message'
			? isFresh(outcome.envelope.timestamp, request.now ?? Date.now(), request.windowMs)
			: null;
	if (strict && fresh === false)
		return {
			kind: 'answer',
			status: 401,
			body: 'push timestamp outside the accepted window (a replay?)',
		};
	// A push that does not fit the documented envelope reaches the workflow as it came, flagged Not Understood,
	// when it is signed by PandaPon, or when it is a JSON object without messageType/messageBody (the console's
	// Verify call may look like that: in the modes that let unverified pushes in, it is then a flagged item).
	// Anything else malformed gets 400: nothing shows it comes from PandaPon (which re-sends 5 times, then drops).
	if (
		outcome.kind === 'invalid' &&
		outcome.reason !== NO_ENVELOPE &&
		(signature !== 'valid' || outcome.reason === 'body is not JSON')
	) {
		return { kind: 'answer', status: 400, body: 'not a PandaPon message' };
	}
	const message = pushItem(outcome, text, signature, fresh);
	return matches(message, request.filter) ? { kind: 'accept', message } : notStarted(message);
}

/** Duplicate keys seen by this process, per node and class of sender (see duplicateStores). */
const recentlySeen = new Map<string, Record<string, number>>();

export interface DuplicateStores {
	key: string;
	/** Per node and sender class: the same for every request this process handles. */
	memoryKey: string;
	inMemory: Record<string, number>;
	/** In the node's static data, which n8n persists (re-sends after a restart). */
	persisted: Record<string, number>;
	cap: number;
}

/**
 * The duplicate stores for a push, one per class of sender (verified, unchecked, unverified: see sightingClass), so
 * a forged copy sent first can never make the authentic push look like a duplicate. Two layers: n8n hands each
 * request its own copy of the workflow's static data and saves it after the request, so two copies of one message
 * arriving together would both look new there: this process's memory catches those; static data catches re-sends
 * after a restart.
 */
export function duplicateStores(
	state: IDataObject,
	scope: string,
	message: PushItem,
): DuplicateStores {
	const kind = sightingClass(message.signature);
	const memoryKey = `${scope}:${kind}`;
	const inMemory = recentlySeen.get(memoryKey) ?? {};
	recentlySeen.set(memoryKey, inMemory);
	// Sightings of earlier versions (one store for every sender) are dropped: a forgery may be among them.
	if ('seen' in state) delete state.seen;
	const stores = (state.seenBy ?? (state.seenBy = {})) as Record<string, Record<string, number>>;
	const persisted = stores[kind] ?? (stores[kind] = {});
	return {
		key: duplicateKey(message).slice(0, 32),
		memoryKey,
		inMemory,
		persisted,
		cap: SIGHTING_CAPS[kind],
	};
}

/** Whether the push was seen within the window, in either layer, without recording it. */
export function seenBefore(stores: DuplicateStores, now: number, windowMs: number): boolean {
	return (
		seenWithin(stores.inMemory, stores.key, now, windowMs) ||
		seenWithin(stores.persisted, stores.key, now, windowMs)
	);
}

/** Records the push as seen now; true the first time within the window. */
export function firstTimeSeen(stores: DuplicateStores, now: number, windowMs: number): boolean {
	const newHere = firstSighting(stores.inMemory, stores.key, now, windowMs, stores.cap);
	const newInStore = firstSighting(stores.persisted, stores.key, now, windowMs, stores.cap);
	return newHere && newInStore;
}

/**
 * Records a push that is about to start, and says whether it is the first to: a confirmed push (or one with Confirm
 * With PandaPon off) under its key; an unconfirmed one under a key of its own, so an unconfirmed sighting (a forgery
 * sent first, or an authentic push the order list did not show yet) never suppresses a later copy that confirms.
 * Synchronous, so of two copies that arrive together only one starts.
 */
export function startsOnce(
	stores: DuplicateStores,
	confirmation: Confirmation | undefined,
	now: number,
	windowMs: number,
): boolean {
	if (startedBefore(stores, confirmation, now, windowMs)) return false;
	return firstTimeSeen(sightingStores(stores, confirmation), now, windowMs);
}

/** Whether a copy of this push started before: a confirmed one always counts; an unconfirmed one only for an unconfirmed push. */
export function startedBefore(
	stores: DuplicateStores,
	confirmation: Confirmation | undefined,
	now: number,
	windowMs: number,
): boolean {
	if (seenBefore(stores, now, windowMs)) return true;
	const confirmed = !confirmation || confirmation.confirmed === true;
	return !confirmed && seenBefore(unconfirmedStores(stores), now, windowMs);
}

/** The stores this push's sighting is recorded in: its own key, or the unconfirmed key when it is not confirmed. */
export const sightingStores = (
	stores: DuplicateStores,
	confirmation: Confirmation | undefined,
): DuplicateStores =>
	!confirmation || confirmation.confirmed === true ? stores : unconfirmedStores(stores);

/** The stores under the key an unconfirmed sighting of this push is recorded by. */
const unconfirmedStores = (stores: DuplicateStores): DuplicateStores => ({
	...stores,
	// Same length as the push's own key (static data stays as small); '~' is never in the hex key.
	key: `~${stores.key.slice(1)}`,
});
