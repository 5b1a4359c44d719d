import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { compactOrder } from './shared/simplify';
import { optionsCollection } from './shared/parameters';
import { ENDPOINTS } from './model/endpoints';
import { pandaponRequest } from './transport/request';
import {
	EVENTS,
	changesBetween,
	readableState,
	snapshotOf,
	type OrderEvent,
	type Snapshot,
} from './trigger/orderChanges';

const DAY_MS = 86_400_000;
/** Orders per page while polling (PandaPon does not publish its maximum). */
const PAGE_SIZE = 100;
/** A walk reads at most this many pages (50,000 orders at 100 per page, or fewer when PandaPon caps the size). */
const MAX_PAGES = 500;

/** What the trigger keeps between polls, in the workflow's static data. */
interface PollState {
	/** When the first poll recorded the baseline (ms). */
	baselineAt?: number;
	/** tbOrderId → snapshot, for the orders inside the look-back window. */
	orders?: Record<string, Snapshot>;
}

/**
 * Consecutive orders older than the window after which a walk ends. PandaPon does not document how its list is
 * sorted: newest created first is what it shows, but if it is sorted by last change, an old order changed recently
 * comes first and window orders follow it. A list whose creation times have only gone down so far is taken as
 * sorted by creation (a few old rows in a row end it); once a newer order follows an older one, it is not, and the
 * walk ends only after a whole page of old orders in a row (or at the list's end).
 */
const OLD_RUN_SORTED = 5;

const createdAt = (order: IDataObject) => Date.parse(String(order.createTime ?? ''));

/**
 * The orders of the look-back window, each once. A short page is the end only when the list's own `total` agrees;
 * a server that caps the page size is detected (a short page while `total` says more) and the walk goes on with
 * that size. `notChecked`: how many orders of the window Max Orders left out (by `total`; at least 1 when the walk
 * stopped at the limit with more to read).
 */
async function walkWindow(
	ctx: IPollFunctions,
	since: number,
	maxOrders: number,
): Promise<{ rows: IDataObject[]; notChecked: number }> {
	const seen = new Map<string, IDataObject>();
	let pageSize = PAGE_SIZE;
	let scanned = 0;
	let total: number | undefined;
	let sortedByCreation = true;
	let lastCreated = Infinity;
	let oldRun = 0;
	const done = (notChecked = 0) => ({ rows: [...seen.values()], notChecked });
	for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
		const data = (await pandaponRequest.call(ctx, {
			...ENDPOINTS.orderList,
			body: { pageNum, pageSize },
			idempotent: true,
		})) as IDataObject;
		const page = Array.isArray(data?.data) ? (data.data as IDataObject[]) : [];
		if (typeof data?.total === 'number') total = data.total;
		for (let i = 0; i < page.length; i++) {
			const order = page[i];
			const created = createdAt(order);
			scanned++;
			if (Number.isFinite(created)) {
				if (created > lastCreated) sortedByCreation = false;
				lastCreated = created;
			}
			if (Number.isFinite(created) && created < since) {
				oldRun++;
				if (oldRun >= (sortedByCreation ? OLD_RUN_SORTED : pageSize)) return done();
				continue;
			}
			oldRun = 0;
			const id = String(order.tbOrderId ?? order.id ?? '');
			// Orders inserted or changed while the list is read shift the pages: a row seen twice counts once.
			if (id && !seen.has(id)) seen.set(id, order);
			if (seen.size >= maxOrders) {
				// At the limit: is there more of the window? The rest of this page says so, or the list's total.
				const rest = page.slice(i + 1);
				const moreHere = rest.some((next) => !(createdAt(next) < since));
				const moreLater =
					rest.length === 0 && (total !== undefined ? scanned < total : page.length === pageSize);
				if (!moreHere && !moreLater) return done();
				return done(Math.max(1, (total ?? 0) - scanned));
			}
		}
		const more = total !== undefined && scanned < total;
		if (page.length === 0 || (page.length < pageSize && !more)) break;
		// A short page with more to come: the server caps the page size; read on in pages of that size.
		if (page.length < pageSize && pageNum === 1) pageSize = page.length;
	}
	return done();
}

export class PandaPonOrderTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaPon Order Changes (Polling) Trigger',
		name: 'pandaPonOrderTrigger',
		icon: { light: 'file:../../icons/pandapon.svg', dark: 'file:../../icons/pandapon.dark.svg' },
		group: ['trigger'],
		version: 1,
		// Taken as given (n8n appends its tracking query to the codex link, after the #anchor, which loses the anchor).
		documentationUrl:
			'https://github.com/pandapon/n8n-nodes-pandapon#order-changes-trigger-polling',
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
				default: [
					'new',
					'paid',
					'shipped',
					'received',
					'cancelled',
					'priceChanged',
					'refundChanged',
				],
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
						'The most orders one check reads (newest first, 100 per request). Orders beyond it are not checked on that poll: see When Max Orders Is Reached. Raise it if you have more orders than this inside the window.',
				},
				{
					displayName: 'When Max Orders Is Reached',
					name: 'onLimit',
					type: 'options',
					options: [
						{
							name: 'Emit a Warning Item',
							value: 'notice',
							description:
								'One item with event "limitReached" and how many orders were not checked (also logged)',
						},
						{
							name: 'Fail the Check',
							value: 'error',
							description: 'The poll fails with the same message, so n8n shows it as an error',
						},
						{ name: 'Log Only', value: 'log', description: 'Only n8n’s log says so' },
					],
					default: 'notice',
					description:
						'What to do when the window holds more orders than Max Orders per Check, so some were not checked',
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
			const data = (await pandaponRequest.call(this, {
				...ENDPOINTS.orderList,
				body: { pageNum: 1, pageSize: 1 },
				idempotent: true,
			})) as IDataObject;
			const [order] = (data?.data as IDataObject[]) ?? [];
			if (!order) return null;
			return [
				this.helpers.returnJsonArray([
					{
						event: 'sample',
						tbOrderId: String(order.tbOrderId),
						changes: {},
						order: compactOrder(order),
					},
				]),
			];
		}

		// Walk the documented order list newest first until the window ends. Nothing is saved until the walk is
		// complete, so a check that fails midway loses and repeats nothing: the next one compares with the last.
		const since = Date.now() - days * DAY_MS;
		const walk = await walkWindow(this, since, maxOrders);
		const rows = walk.rows;
		const state = this.getWorkflowStaticData('node') as PollState;
		const out: IDataObject[] = [];
		if (!readableState(state)) {
			// Saved in a form this version cannot compare with: a fresh baseline, no events, said once.
			const message =
				'PandaPon Order Changes: the state saved by an earlier check could not be read (an older or edited form), so this check starts afresh: it records the orders as they are now and reports changes from the next check on.';
			this.logger?.warn?.(message);
			delete state.orders;
			delete state.baselineAt;
			out.push({ event: 'restarted', message });
		}
		const previous = state.orders ?? {};
		const current: Record<string, Snapshot> = {};
		if (walk.notChecked > 0) {
			const message = `PandaPon Order Changes: the look-back window holds more orders than Max Orders per Check (${maxOrders}): up to ${walk.notChecked} order(s) were not checked on this poll, so their changes are not reported. Raise Max Orders per Check or shorten the window.`;
			this.logger?.warn?.(message);
			const onLimit = String(options.onLimit ?? 'notice');
			if (onLimit === 'error') throw new NodeOperationError(this.getNode(), message);
			if (onLimit === 'notice' && state.baselineAt !== undefined)
				out.push({ event: 'limitReached', notChecked: walk.notChecked, maxOrders, message });
		}
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
				if (events.has(event))
					out.push({ event, tbOrderId: id, changes, order: compactOrder(order) });
			}
		}
		// An order this walk did not reach (past Max Orders, or moved while the list was read) keeps its snapshot until
		// it leaves the window by its own creation time, so it is neither lost nor later reported as new.
		for (const [id, snapshot] of Object.entries(previous)) {
			if (!(id in current) && snapshot[7] * 1000 >= since) current[id] = snapshot;
		}
		const first = state.baselineAt === undefined;
		if (first) state.baselineAt = Date.now();
		state.orders = current;
		if (out.length === 0 || (first && out[0].event !== 'restarted')) return null;
		if (first) return [this.helpers.returnJsonArray(out.slice(0, 1))];
		return [this.helpers.returnJsonArray(out)];
	}
}
