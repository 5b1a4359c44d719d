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

import {
	MESSAGE_TYPES,
	duplicateKey,
	firstSighting,
	matches,
	parseMessage,
	type MessageFilter,
} from '../PandaPon/schemas/message';

type Answer = { status: number; body?: string };

/** Duplicate keys seen by this process, per workflow and trigger node (see the dedupe step in webhook()). */
const recentlySeen = new Map<string, Record<string, number>>();

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

export class PandaPonTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaPon Trigger',
		name: 'pandaPonTrigger',
		icon: { light: 'file:pandapon.svg', dark: 'file:pandapon.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when PandaPon pushes an order message (created, paid, cancelled, price changed, refund)',
		defaults: { name: 'PandaPon Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'pandapon', rawBody: true },
			// The console's Verify call: its method is not documented, so GET is answered too.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'pandapon' },
		],
		properties: [
			{
				displayName:
					'PandaPon cannot register webhooks by API. Activate this workflow, copy the Production URL above, paste it in the PandaPon console under Message Service, press Verify, then Save. PandaPon needs an HTTPS URL and an answer within 1 s (this node answers at once).',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Any Message', value: '*' },
					...MESSAGE_TYPES.map((t) => ({ name: t.name, value: t.value })),
				],
				default: ['*'],
				description:
					'Which messages start the workflow. Types arrive with a 1688_ or TAOBAO_ prefix; both forms match. Other messages are acknowledged and ignored.',
			},
			{
				displayName: 'Other Types',
				name: 'otherTypes',
				type: 'string',
				default: '',
				placeholder: 'TAOBAO_ORDER_STATUS_CHANGE',
				description: 'More message types to accept, comma-separated (for types PandaPon adds later)',
			},
			{
				displayName: 'Marketplace',
				name: 'platform',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: '1688', value: '1688' },
					{ name: 'Taobao', value: 'taobao' },
				],
				default: 'any',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
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
					{
						displayName: 'Ignore Duplicates',
						name: 'dedupe',
						type: 'boolean',
						default: true,
						description:
							'Whether to start at most one execution per identical message (same type, marketplace and body) within the window. PandaPon re-sends failed pushes every 30 minutes, 5 times.',
					},
					{
						displayName: 'Duplicate Window (Minutes)',
						name: 'dedupeWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1440,
					},
					{
						displayName: 'Shared Token',
						name: 'token',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'If set, requests must carry it as ?token=… in the URL (add it to the URL you paste in the console) or in an X-PandaPon-Token header. Others get 401/403 and start nothing.',
					},
				],
			},
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

		const raw = (req as unknown as { rawBody?: Buffer }).rawBody;
		const text = raw ? raw.toString('utf8') : req.body ? JSON.stringify(req.body) : '';
		const outcome = parseMessage(text);
		if (outcome.kind === 'verify') return reply(this, { status: 200 });
		if (outcome.kind === 'invalid') return reply(this, { status: 400, body: 'not a PandaPon message' });

		const { message } = outcome;
		const filter: MessageFilter = {
			events: this.getNodeParameter('events', ['*']) as string[],
			otherTypes: String(this.getNodeParameter('otherTypes', '') ?? '')
				.split(',')
				.map((t) => t.trim())
				.filter(Boolean),
			platform: this.getNodeParameter('platform', 'any') as MessageFilter['platform'],
		};
		if (!matches(message, filter)) return reply(this, { status: 200 });

		if (options.dedupe !== false) {
			const key = duplicateKey(message);
			const now = Date.now();
			const windowMs = Number(options.dedupeWindowMinutes ?? 1440) * 60_000;
			// Two layers. n8n hands each request its own copy of the workflow's static data and saves it after
			// the request, so two copies of one message arriving together would both look new there: this
			// process's memory catches those. Static data, which n8n persists, catches re-sends after a restart.
			const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id ?? this.getNode().name}`;
			const inMemory = recentlySeen.get(scope) ?? {};
			recentlySeen.set(scope, inMemory);
			const state = this.getWorkflowStaticData('node');
			const persisted = (state.seen ?? (state.seen = {})) as Record<string, number>;
			const newHere = firstSighting(inMemory, key, now, windowMs);
			const newInStore = firstSighting(persisted, key, now, windowMs);
			if (!newHere || !newInStore) return reply(this, { status: 200 });
		}

		const workflowData = [this.helpers.returnJsonArray([message as unknown as IDataObject])];
		if (options.answer === 'afterStored') return { webhookResponse: '', workflowData };
		// Answer now, as PandaPon asks ("acknowledge first, process afterwards"); n8n then starts the execution.
		reply(this, { status: 200 });
		return { noWebhookResponse: true, workflowData };
	}
}
