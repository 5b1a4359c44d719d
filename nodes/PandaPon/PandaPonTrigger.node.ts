import { timingSafeEqual } from 'crypto';
import {
	NodeConnectionTypes,
	sleep,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { firstSighting, type MessageFilter } from './model/pushMessage';
import { optionsCollection } from './shared/parameters';
import { confirmAsOptioned, dropsUnconfirmed, type Confirmation } from './trigger/confirmPush';
import { TRIGGER_WORDS, eventsField, marketplaceField, pushOptions } from './trigger/pushFields';
import {
	EVENT_OPTIONS,
	duplicateStores,
	duplicateWindowMs,
	loadPushSecret,
	pushScope,
	receivePush,
	seenBefore,
	sightingStores,
	startedBefore,
	startsOnce,
	type DuplicateStores,
	type PushItem,
	type SignatureMode,
} from './trigger/receivePush';

type Answer = { status: number; body?: string };

/**
 * With "Answer After the Execution Is Stored", a push counts as seen only once n8n answered it 2xx, which it does
 * after storing the execution: until then its key is in flight (a copy arriving meanwhile gets 503, so PandaPon
 * re-sends it later), and a stored one waits here to be written to static data by the next request (n8n saves a
 * trigger's static data when webhook() returns, before the execution is stored). At most this many wait per node.
 */
const inFlight = new Map<string, Set<string>>();
const storedNotYetPersisted = new Map<string, Record<string, number>>();
const STORED_WAITING_MAX = 5000;

function sameToken(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

function reply(ctx: IWebhookFunctions, answer: Answer): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(answer.status);
	if (answer.body) res.json({ message: answer.body });
	else res.end();
	return { noWebhookResponse: true };
}

/** The canvas subtitle names the chosen events as the dropdown does ("Order Paid, Price Changed"). */
const EVENTS_SUBTITLE = `={{ ($parameter["events"] || []).map(e => (${JSON.stringify(
	Object.fromEntries(EVENT_OPTIONS.map((o) => [o.value, o.name])),
)})[e] || e).join(", ") }}`;

export class PandaPonTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaPon Trigger',
		name: 'pandaPonTrigger',
		icon: { light: 'file:../../icons/pandapon.svg', dark: 'file:../../icons/pandapon.dark.svg' },
		group: ['trigger'],
		version: 1,
		// Taken as given (n8n appends its tracking query to the codex link, after the #anchor, which loses the anchor).
		documentationUrl: 'https://github.com/pandapon/n8n-nodes-pandapon#trigger',
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when PandaPon pushes an order message (created, paid, cancelled, price changed, refund)',
		defaults: { name: 'PandaPon Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Optional: its Access Secret checks the signature PandaPon puts on every push.
		credentials: [{ name: 'pandaPonApi', required: false }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'pandapon',
				rawBody: true,
			},
			// The console's Verify call: its method is not documented, so GET is answered too.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'pandapon' },
		],
		properties: [
			{
				displayName:
					'Set-up, once: open “Webhook URLs” at the top of this panel, choose Production URL and copy the POST address. Activate this workflow, paste the address in the PandaPon console under Message Service, press Verify, then Save. The GET row shows the same address: it only answers the console’s Verify button. PandaPon needs an HTTPS address and an answer within 1 s (this node answers at once). Verify gets 200 when its body is empty or correctly signed (or, in Learn before the first signed push and in Flag, reaches the workflow flagged).',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Signature Check',
				name: 'signatureCheck',
				type: 'options',
				options: [
					{
						name: 'Learn, Then Reject Forgeries (Recommended)',
						value: 'learn',
						description:
							'Start every push, marked with its signature, until a correctly signed one arrives; from then on refuse unsigned or mis-signed pushes (401, nothing started)',
					},
					{
						name: 'Reject Unsigned or Mis-Signed',
						value: 'reject',
						description:
							'Refuse any push whose signature is missing or wrong (401, nothing started)',
					},
					{
						name: 'Flag Only',
						value: 'flag',
						description:
							'Start every push, with signature "valid", "invalid" or "missing" on the item',
					},
					{
						name: 'Off',
						value: 'off',
						description: 'Do not check; items carry signature "unchecked"',
					},
				],
				default: 'learn',
				description:
					'PandaPon signs each push with your Access Secret (HMAC-SHA256 of the body in the Authorization header). Needs the PandaPon API credential above; without it nothing can be checked.',
			},
			{
				displayName:
					'Anyone who learns this URL can post to it. Learn lets pushes in, marked with their signature, until one correctly signed push has arrived, and refuses unsigned or mis-signed ones from then on. Before a workflow pays, ships or alerts on a push, let it act only on items with confirmed: true (PandaPon shows what the push says) or signature: "valid".',
				name: 'actOnNotice',
				type: 'notice',
				default: '',
			},
			eventsField(TRIGGER_WORDS),
			{
				displayName: 'Other Types',
				name: 'otherTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. TAOBAO_ORDER_STATUS_CHANGE',
				description:
					'More message types to accept, comma-separated (for types PandaPon adds later)',
			},
			marketplaceField(TRIGGER_WORDS),
			optionsCollection([
				{
					displayName: 'Answer PandaPon',
					name: 'answer',
					type: 'options',
					options: [
						{
							name: 'At Once (Recommended)',
							value: 'atOnce',
							description:
								'Answer 200 as soon as the message is checked, before n8n stores the execution: keeps within PandaPon’s 1 s limit under load',
						},
						{
							name: 'After the Execution Is Stored',
							value: 'afterStored',
							description:
								'Answer only once n8n 2.x has saved the execution, so a crash in between makes PandaPon re-send (at the cost of slower answers under load)',
						},
					],
					default: 'atOnce',
					description:
						'When a message that starts the workflow is answered. PandaPon counts an answer later than 1 s as failed and re-sends it 30 minutes later (the duplicate is then ignored).',
				},
				...pushOptions(TRIGGER_WORDS),
				{
					displayName: 'Shared Token',
					name: 'token',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description:
						'If set, requests must carry it as ?token=… in the URL (add it to the URL you paste in the console) or in an X-PandaPon-Token header. Others get 401/403 and start nothing.',
				},
			]),
		],
	};

	// PandaPon registers callback URLs only in its console, so there is nothing to create or delete here.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const options = this.getNodeParameter('options', {}) as IDataObject;

		const token = String(options.token ?? '');
		if (token) {
			const given = String((req.query?.token as string) ?? req.headers['x-pandapon-token'] ?? '');
			if (!given) return reply(this, { status: 401, body: 'token required' });
			if (!sameToken(given, token)) return reply(this, { status: 403, body: 'wrong token' });
		}

		if (this.getWebhookName() === 'setup') return reply(this, { status: 200 });

		const raw =
			(req as unknown as { rawBody?: Buffer }).rawBody ??
			(req.body ? JSON.stringify(req.body) : '');
		const mode = this.getNodeParameter('signatureCheck', 'learn') as SignatureMode;
		// Read whatever the mode: with the check Off, Confirm With PandaPon still needs the credential.
		const loaded = await loadPushSecret(this);
		const scope = pushScope(this);
		const state = this.getWorkflowStaticData('node');
		const windowMs = duplicateWindowMs(options);
		const filter: MessageFilter = {
			events: this.getNodeParameter('events', ['*']) as string[],
			otherTypes: String(this.getNodeParameter('otherTypes', '') ?? '')
				.split(',')
				.map((t) => t.trim())
				.filter(Boolean),
			platform: this.getNodeParameter('platform', 'any') as MessageFilter['platform'],
		};
		// Who sent it (the signature over the raw bytes, checked before anything is parsed), what it is, and whether
		// it may start anything. A 503 (the secret cannot be had) makes PandaPon re-send later: nothing is lost.
		const verdict = receivePush({
			raw,
			authorization: req.headers.authorization,
			mode,
			loaded,
			windowMs,
			filter,
			scope,
			state,
		});
		if (verdict.kind === 'answer') {
			if (verdict.warn) this.logger?.warn?.(`PandaPon Trigger: ${verdict.warn}`);
			return reply(this, verdict);
		}
		return await startOnce(this, verdict.message, loaded, options, state, scope, windowMs);
	}
}

/**
 * From a push that may start the workflow to its execution: duplicates first (a push started before is answered
 * 200 and starts nothing), then Confirm With PandaPon, then one start. With Do Not Start, a push is answered only
 * once it is confirmed; one not confirmed yet gets 503 (PandaPon sends it again) and, when signed, is read again
 * for a while (RECHECK_DELAYS_MS) and starts once it confirms. Nothing unstarted is recorded as seen.
 */
async function startOnce(
	ctx: IWebhookFunctions,
	message: PushItem,
	loaded: Awaited<ReturnType<typeof loadPushSecret>>,
	options: IDataObject,
	state: IDataObject,
	scope: string,
	windowMs: number,
): Promise<IWebhookResponseData> {
	const afterStored = options.answer === 'afterStored';
	const holds = options.confirm !== false && options.unconfirmed === 'skip';
	const stores = options.dedupe !== false ? openStores(state, scope, message, windowMs) : undefined;
	if (stores && seenBefore(stores, Date.now(), windowMs)) return reply(ctx, { status: 200 });

	// Answer now, as PandaPon asks ("acknowledge first, process afterwards"), unless the answer waits on the
	// confirmation (Do Not Start) or on the stored execution (After the Execution Is Stored).
	if (!afterStored && !holds) reply(ctx, { status: 200 });
	const confirmation = await confirmAsOptioned(ctx, message, loaded, options, afterStored || holds);
	const item = () => [
		ctx.helpers.returnJsonArray([
			{ ...(message as unknown as IDataObject), ...(confirmation ?? {}) },
		]),
	];
	if (holds && dropsUnconfirmed(confirmation, options)) {
		reply(ctx, { status: 503, body: 'not confirmed by PandaPon yet; send it again' });
		return await recheckLater(ctx, message, loaded, options, stores, windowMs);
	}
	if (afterStored) return storedOnce(ctx, stores, confirmation, windowMs, item);
	if (stores && !startsOnce(stores, confirmation, Date.now(), windowMs)) {
		return holds ? reply(ctx, { status: 200 }) : { noWebhookResponse: true };
	}
	if (holds) reply(ctx, { status: 200 });
	return { noWebhookResponse: true, workflowData: item() };
}

/** The duplicate stores, with what an earlier request stored but could not yet write to static data. */
function openStores(
	state: IDataObject,
	scope: string,
	message: PushItem,
	windowMs: number,
): DuplicateStores {
	const stores = duplicateStores(state, scope, message);
	const waiting = storedNotYetPersisted.get(stores.memoryKey);
	if (waiting) {
		for (const [k, at] of Object.entries(waiting))
			firstSighting(stores.persisted, k, at, windowMs, stores.cap);
		storedNotYetPersisted.delete(stores.memoryKey);
	}
	return stores;
}

/** A signed push not confirmed yet is read again after these waits (about 2 minutes in all). */
export const RECHECK_DELAYS_MS = [3000, 10_000, 30_000, 60_000];

/**
 * Do Not Start, a push not confirmed when it came (answered 503): a signed one is read again a few times and starts
 * once it confirms, unless a copy started meanwhile. An unsigned one waits for PandaPon to send it again, so a flood
 * of forgeries costs no further reads.
 */
async function recheckLater(
	ctx: IWebhookFunctions,
	message: PushItem,
	loaded: Awaited<ReturnType<typeof loadPushSecret>>,
	options: IDataObject,
	stores: DuplicateStores | undefined,
	windowMs: number,
): Promise<IWebhookResponseData> {
	if (message.signature !== 'valid') return { noWebhookResponse: true };
	for (const delay of RECHECK_DELAYS_MS) {
		await sleep(delay);
		if (stores && seenBefore(stores, Date.now(), windowMs)) break;
		const confirmation = await confirmAsOptioned(ctx, message, loaded, options);
		if (confirmation?.confirmed !== true) continue;
		if (stores && !startsOnce(stores, confirmation, Date.now(), windowMs)) break;
		const item = { ...(message as unknown as IDataObject), ...confirmation };
		return { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray([item])] };
	}
	return { noWebhookResponse: true };
}

/**
 * After the Execution Is Stored: a push counts as seen only once n8n answered it 2xx, after storing the execution;
 * until then its key is in flight (a copy arriving meanwhile gets 503, so PandaPon re-sends it later). An
 * unconfirmed push is kept under its own key (see startsOnce).
 */
function storedOnce(
	ctx: IWebhookFunctions,
	found: DuplicateStores | undefined,
	confirmation: Confirmation | undefined,
	windowMs: number,
	item: () => IWebhookResponseData['workflowData'],
): IWebhookResponseData {
	if (!found) return { webhookResponse: '', workflowData: item() };
	// Again after the confirming read: a copy may have been stored while this one waited on it.
	if (startedBefore(found, confirmation, Date.now(), windowMs)) return reply(ctx, { status: 200 });
	const { key, memoryKey, inMemory, cap } = sightingStores(found, confirmation);
	const flying = inFlight.get(memoryKey) ?? new Set<string>();
	inFlight.set(memoryKey, flying);
	// Its first copy is not stored yet: answering 200 here would lose it if that store fails.
	if (flying.has(key))
		return reply(ctx, { status: 503, body: 'a copy of this push is still being stored' });
	flying.add(key);
	const res = ctx.getResponseObject();
	let settled = false;
	const settle = (stored: boolean) => {
		if (settled) return;
		settled = true;
		flying.delete(key);
		if (!stored) return;
		const at = Date.now();
		firstSighting(inMemory, key, at, windowMs, cap);
		const list = storedNotYetPersisted.get(memoryKey) ?? {};
		storedNotYetPersisted.set(memoryKey, list);
		firstSighting(list, key, at, windowMs, STORED_WAITING_MAX);
	};
	res.once('finish', () => settle(res.statusCode >= 200 && res.statusCode < 300));
	res.once('close', () => settle(false));
	return { webhookResponse: '', workflowData: item() };
}
