import { timingSafeEqual } from 'crypto';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { firstSighting, type MessageFilter } from './model/pushMessage';
import { optionsCollection } from './shared/parameters';
import { confirmAsOptioned, dropsUnconfirmed } from './trigger/confirmPush';
import { TRIGGER_WORDS, eventsField, marketplaceField, pushOptions } from './trigger/pushFields';
import {
	EVENT_OPTIONS,
	duplicateStores,
	duplicateWindowMs,
	firstTimeSeen,
	loadPushSecret,
	pushScope,
	receivePush,
	seenBefore,
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
		const message = verdict.message;
		const afterStored = options.answer === 'afterStored';

		if (options.dedupe !== false) {
			const now = Date.now();
			const stores = duplicateStores(state, scope, message);
			const { key, memoryKey, inMemory, persisted, cap } = stores;
			const waiting = storedNotYetPersisted.get(memoryKey);
			if (waiting) {
				for (const [k, at] of Object.entries(waiting))
					firstSighting(persisted, k, at, windowMs, cap);
				storedNotYetPersisted.delete(memoryKey);
			}
			if (!afterStored) {
				if (!firstTimeSeen(stores, now, windowMs)) return reply(this, { status: 200 });
			} else {
				if (seenBefore(stores, now, windowMs)) return reply(this, { status: 200 });
				const flying = inFlight.get(memoryKey) ?? new Set<string>();
				inFlight.set(memoryKey, flying);
				// Its first copy is not stored yet: answering 200 here would lose it if that store fails.
				if (flying.has(key))
					return reply(this, { status: 503, body: 'a copy of this push is still being stored' });
				flying.add(key);
				const res = this.getResponseObject();
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
			}
		}

		// Answer now, as PandaPon asks ("acknowledge first, process afterwards"); the confirming read and the
		// execution come after. (With After the Execution Is Stored, n8n answers once it is stored.)
		if (!afterStored) reply(this, { status: 200 });
		const confirmation = await confirmAsOptioned(this, message, loaded, options, afterStored);
		if (dropsUnconfirmed(confirmation, options)) {
			return afterStored ? { webhookResponse: '' } : { noWebhookResponse: true };
		}
		const item = { ...(message as unknown as IDataObject), ...(confirmation ?? {}) } as IDataObject;
		const workflowData = [this.helpers.returnJsonArray([item])];
		if (afterStored) return { webhookResponse: '', workflowData };
		return { noWebhookResponse: true, workflowData };
	}
}
