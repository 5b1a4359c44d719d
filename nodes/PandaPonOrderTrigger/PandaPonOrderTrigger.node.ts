import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { compactOrder } from '../PandaPon/simplify';
import { optionsCollection } from '../PandaPon/actions/common';
import { ENDPOINTS } from '../PandaPon/transport/endpoints';
import { pandaponRequest } from '../PandaPon/transport/request';
import { EVENTS, changesBetween, snapshotOf, type OrderEvent, type Snapshot } from './orderChanges';

const DAY_MS = 86_400_000;
/** Orders per page while polling (PandaPon does not publish its maximum). */
const PAGE_SIZE = 100;

/** What the trigger keeps between polls, in the workflow's static data. */
interface PollState {
	/** When the first poll recorded the baseline (ms). */
	baselineAt?: number;
	/** tbOrderId → snapshot, for the orders inside the look-back window. */
	orders?: Record<string, Snapshot>;
}

export class PandaPonOrderTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaPon Order Changes (Polling) Trigger',
		name: 'pandaPonOrderTrigger',
		icon: { light: 'file:pandapon.svg', dark: 'file:pandapon.dark.svg' },
		group: ['trigger'],
		version: 1,
		// Taken as given (n8n appends its tracking query to the codex link, after the #anchor, which loses the anchor).
		documentationUrl: 'https://github.com/pandapon/n8n-nodes-pandapon#order-changes-trigger-polling',
		subtitle: 'Checks the 1688 order list on a schedule',
		description:
			'Starts the workflow when a 1688 order changes (new, paid, shipped, received, cancelled, price, refund), by checking the order list on a schedule: no public URL needed',
		defaults: { name: 'PandaPon Order Changes' },
		credentials: [{ name: 'pandaPonApi', required: true }],
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName:
					'Checks your 1688 order list on the schedule above (Poll Times) and starts once per change it finds. No public URL needed. Use it instead of PandaPon Trigger (pushes: fastest, but PandaPon must reach a public HTTPS URL) or beside it, to catch what a push lost. The first check only records where things stand.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENTS.map((e) => ({ name: e.name, value: e.value, description: e.description })),
				default: ['new', 'paid', 'shipped', 'received', 'cancelled', 'priceChanged', 'refundChanged'],
				description: 'Which changes start the workflow (one item per order and change)',
			},
			{
				displayName: 'Look-Back Window (Days)',
				name: 'lookBackDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 90 },
				default: 14,
				description:
					'Orders created within this many days are watched. Older orders drop out of the comparison (their later changes are not seen).',
			},
			optionsCollection([
				{
					displayName: 'Max Orders per Check',
					name: 'maxOrders',
					type: 'number',
					typeOptions: { minValue: 100, maxValue: 20000 },
					default: 2000,
					description:
						'The most orders one check reads (newest first, 100 per request) and remembers. Raise it if you have more orders than this inside the window.',
				},
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = new Set(this.getNodeParameter('events', []) as OrderEvent[]);
		const days = Number(this.getNodeParameter('lookBackDays', 14));
		const options = (this.getNodeParameter('options', {}) as IDataObject) ?? {};
		const maxOrders = Math.max(100, Math.floor(Number(options.maxOrders ?? 2000)) || 2000);
		if (!Number.isFinite(days) || days < 1) {
			throw new NodeOperationError(this.getNode(), 'Look-Back Window (Days) must be at least 1');
		}

		// "Fetch Test Event" in the editor: one real recent order as a sample; the saved state is left alone.
		if (this.getMode() === 'manual') {
			const data = (await pandaponRequest.call(this, { ...ENDPOINTS.orderList, body: { pageNum: 1, pageSize: 1 }, idempotent: true })) as IDataObject;
			const [order] = (data?.data as IDataObject[]) ?? [];
			if (!order) return null;
			return [this.helpers.returnJsonArray([{ event: 'sample', tbOrderId: String(order.tbOrderId), changes: {}, order: compactOrder(order) }])];
		}

		// Walk the documented order list newest first until the window ends. Nothing is saved until the walk is
		// complete, so a check that fails midway loses and repeats nothing: the next one compares with the last.
		const since = Date.now() - days * DAY_MS;
		const rows: IDataObject[] = [];
		for (let pageNum = 1; rows.length < maxOrders; pageNum++) {
			const data = (await pandaponRequest.call(this, { ...ENDPOINTS.orderList, body: { pageNum, pageSize: PAGE_SIZE }, idempotent: true })) as IDataObject;
			const page = Array.isArray(data?.data) ? (data.data as IDataObject[]) : [];
			let older = false;
			for (const order of page) {
				const created = Date.parse(String(order.createTime ?? ''));
				if (Number.isFinite(created) && created < since) {
					older = true;
					break;
				}
				rows.push(order);
				if (rows.length >= maxOrders) break;
			}
			if (older || page.length < PAGE_SIZE) break;
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		const previous = state.orders ?? {};
		const current: Record<string, Snapshot> = {};
		const out: IDataObject[] = [];
		for (const order of rows) {
			const id = String(order.tbOrderId ?? order.id ?? '');
			if (!id) continue;
			const now = snapshotOf(order);
			current[id] = now;
			if (state.baselineAt === undefined) continue;
			const before = previous[id];
			if (!before) {
				// Not seen before: new if created since the baseline (an older one only came into view).
				if (events.has('new') && now[7] * 1000 >= state.baselineAt - 60_000) {
					out.push({ event: 'new', tbOrderId: id, changes: {}, order: compactOrder(order) });
				}
				continue;
			}
			const { events: happened, changes } = changesBetween(before, now);
			for (const event of happened) {
				if (events.has(event)) out.push({ event, tbOrderId: id, changes, order: compactOrder(order) });
			}
		}
		const first = state.baselineAt === undefined;
		if (first) state.baselineAt = Date.now();
		state.orders = current;
		if (first || out.length === 0) return null;
		return [this.helpers.returnJsonArray(out)];
	}
}
