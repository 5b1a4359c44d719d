/**
 * When a 1688 write's answer is lost (a timeout, a cut connection, a 5xx, an unreadable answer, an envelope code
 * that is not a refusal), the node does not hand the doubt to the user: it reads PandaPon back with the documented
 * order list (doc-th.pandapon.com/api-289190488: filter by tbOrderId, or the newest orders) and says what it found:
 * the write went through, did not go through (safe to send again), or it could not tell, and why. The reads are
 * bounded (at most 2 attempts of 5 s each, a few pages) and never write.
 */
import { NodeApiError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { cnyText, orderStage } from '../../shared/simplify';
import { ENDPOINTS } from '../../model/endpoints';
import { parseJson } from '../../model/json';
import { orderRow as listedOrder, rowTotalFen } from '../../transport/orderLookup';
import { outcomeOf, pandaponRequest } from '../../transport/request';
import { whereToCheck } from './whereToCheck';
import { isObject } from '../../shared/parameters';

export type Outcome = 'went through' | 'did not go through' | 'could not tell';

export interface Settlement {
	outcome: Outcome;
	/** What was seen, in words ("order 2542… is now closed"). */
	detail: string;
	/** The 1688 order ids the check found the write on (created, paid, cancelled …). */
	orderIds?: string[];
}

/** The settling reads: short, few, never a write. */
const READ = { timeoutMs: 5000, maxAttempts: 2 };
const PAGE_SIZE = 50;
const MAX_PAGES = 3;
/** PandaPon's clock and ours may differ (its signature window allows 600 s); orders this much older still count. */
const CLOCK_SLACK_MS = 120_000;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** One order of the documented order list by its 1688 order ID, within the settling reads' bounds. */
export const orderRow = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	tbOrderId: string,
): Promise<IDataObject | undefined> => listedOrder(ctx, tbOrderId, { itemIndex, ...READ });

/** Runs the check; a check that itself fails is "could not tell", naming why. */
async function check(run: () => Promise<Settlement>): Promise<Settlement> {
	try {
		return await run();
	} catch (error) {
		return {
			outcome: 'could not tell',
			detail: `the check itself failed: ${(error as Error).message}`,
		};
	}
}

/** Cancel: closed = it went through; still awaiting payment (or paid) = it did not. */
export const settleCancel = (ctx: IExecuteFunctions, itemIndex: number, orderId: string) =>
	check(async () => {
		const row = await orderRow(ctx, itemIndex, orderId);
		if (!row)
			return { outcome: 'could not tell', detail: `the order list does not show order ${orderId}` };
		const stage = orderStage(row);
		if (stage === 'closed')
			return {
				outcome: 'went through',
				detail: `order ${orderId} is now closed (cancelled)`,
				orderIds: [orderId],
			};
		if (stage === 'awaiting payment')
			return {
				outcome: 'did not go through',
				detail: `order ${orderId} is still open and awaiting payment`,
			};
		if (stage)
			return {
				outcome: 'did not go through',
				detail: `order ${orderId} is ${stage}, so it was not cancelled`,
			};
		return {
			outcome: 'could not tell',
			detail: `the order list shows order ${orderId} without a payment state`,
		};
	});

/** Confirm Receipt: completed = it went through; still shipped = it did not. */
export const settleReceipt = (ctx: IExecuteFunctions, itemIndex: number, orderId: string) =>
	check(async () => {
		const row = await orderRow(ctx, itemIndex, orderId);
		if (!row)
			return { outcome: 'could not tell', detail: `the order list does not show order ${orderId}` };
		const stage = orderStage(row);
		if (stage === 'completed')
			return {
				outcome: 'went through',
				detail: `order ${orderId} now shows its receipt confirmed`,
				orderIds: [orderId],
			};
		if (stage)
			return {
				outcome: 'did not go through',
				detail: `order ${orderId} is ${stage}, not received`,
			};
		return {
			outcome: 'could not tell',
			detail: `the order list shows order ${orderId} without a state`,
		};
	});

/** Pay: every order paid = it went through; none = it did not; some = it went through for those. */
export const settlePay = (ctx: IExecuteFunctions, itemIndex: number, orderIds: string[]) =>
	check(async () => {
		const paid: string[] = [];
		const unpaid: string[] = [];
		for (const id of orderIds) {
			const row = await orderRow(ctx, itemIndex, id);
			if (!row)
				return { outcome: 'could not tell', detail: `the order list does not show order ${id}` };
			const stage = orderStage(row);
			if (stage === 'awaiting payment' || stage === 'closed') unpaid.push(id);
			else if (stage === 'paid' || stage === 'shipped' || stage === 'completed') paid.push(id);
			else
				return {
					outcome: 'could not tell',
					detail: `order ${id} shows as ${stage ?? 'without a payment state'}`,
				};
		}
		if (!paid.length)
			return {
				outcome: 'did not go through',
				detail: `order${unpaid.length > 1 ? 's' : ''} ${unpaid.join(', ')} ${unpaid.length > 1 ? 'are' : 'is'} not paid`,
			};
		const detail = `order${paid.length > 1 ? 's' : ''} ${paid.join(', ')} ${paid.length > 1 ? 'are' : 'is'} paid${unpaid.length ? `; ${unpaid.join(', ')} not paid` : ''}`;
		return { outcome: 'went through', detail, orderIds: paid };
	});

/** What an order must show to count as the one a lost Create made: its seller's lines and the receiver. */
export interface Expected {
	/** One group per seller: the lines (spec + quantity) sent for it. */
	sellers: Array<{ sellerOpenId?: string; lines: Array<{ specId?: string; quantity: number }> }>;
	receiver: { fullName?: string; mobile?: string };
}

const embedded = (value: unknown): unknown => {
	if (typeof value !== 'string') return value;
	try {
		return parseJson(value);
	} catch {
		return undefined;
	}
};

function receiverOf(row: IDataObject): { fullName: string; mobile: string } {
	const warehouse = embedded(row.warehouseAddressInfo);
	if (isObject(warehouse))
		return { fullName: text(warehouse.fullName), mobile: text(warehouse.mobile) };
	const receiver = embedded(row.receiver);
	if (isObject(receiver))
		return { fullName: text(receiver.toFullName), mobile: text(receiver.toMobile) };
	return { fullName: '', mobile: '' };
}

/** The rows whose receiver is this one (name and mobile). */
function forReceiver(rows: IDataObject[], receiver: Expected['receiver']): IDataObject[] {
	return rows.filter((row) => {
		const r = receiverOf(row);
		return r.fullName === text(receiver.fullName) && r.mobile === text(receiver.mobile);
	});
}

const lineKey = (seller: string, spec: string, quantity: unknown) =>
	`${seller}|${spec}|${Number(quantity)}`;

function matchesSeller(row: IDataObject, group: Expected['sellers'][number]): boolean {
	const lines = embedded(row.cargoParamList);
	if (!Array.isArray(lines)) return false;
	const seen = (lines as IDataObject[])
		.map((l) => lineKey(group.sellerOpenId ? text(l.sellerOpenId) : '', text(l.specId), l.quantity))
		.sort();
	const sent = group.lines
		.map((l) => lineKey(group.sellerOpenId ?? '', text(l.specId), l.quantity))
		.sort();
	return seen.length === sent.length && seen.every((key, i) => key === sent[i]);
}

/** The newest order before a create is sent: orders above it in the list are new. */
export interface Fence {
	tbOrderId: string;
}

/**
 * Read before a create (one row of the order list): the newest order then, so that after a lost answer only
 * orders made since count, not an identical order placed a minute earlier. Undefined when it cannot be read
 * (the check then falls back on creation times).
 */
export async function orderFence(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<Fence | undefined> {
	try {
		const data = (await pandaponRequest.call(ctx, {
			...ENDPOINTS.orderList,
			body: { pageNum: 1, pageSize: 1 },
			idempotent: true,
			itemIndex,
			...READ,
		})) as IDataObject | null;
		const row = Array.isArray(data?.data) ? (data!.data as IDataObject[])[0] : undefined;
		return row ? { tbOrderId: text(row.tbOrderId) } : { tbOrderId: '' };
	} catch {
		return undefined;
	}
}

/**
 * The newest orders, page by page, until the fence (the newest order before the request) or one older than
 * `since` shows that the window is covered. `complete` is false when the list is not newest-first or the pages ran
 * out of budget first: then absence proves nothing.
 */
async function ordersSince(
	ctx: IExecuteFunctions,
	itemIndex: number,
	since: number,
	fence?: Fence,
): Promise<{ rows: IDataObject[]; complete: boolean }> {
	const rows: IDataObject[] = [];
	let previous = Infinity;
	for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
		const data = (await pandaponRequest.call(ctx, {
			...ENDPOINTS.orderList,
			body: { pageNum, pageSize: PAGE_SIZE },
			idempotent: true,
			itemIndex,
			...READ,
		})) as IDataObject | null;
		const page = Array.isArray(data?.data) ? (data!.data as IDataObject[]) : [];
		for (const row of page) {
			if (fence?.tbOrderId && text(row.tbOrderId) === fence.tbOrderId)
				return { rows, complete: true };
			const created = Date.parse(text(row.createTime));
			if (!Number.isFinite(created) || created > previous) return { rows, complete: false };
			previous = created;
			if (created < since) return { rows, complete: true };
			rows.push(row);
		}
		if (page.length < PAGE_SIZE) return { rows, complete: true };
	}
	return { rows, complete: false };
}

/** Create (one seller or several): every seller's order found = it went through; none and the window covered = it did not. */
export const settleCreate = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	started: number,
	expected: Expected,
	fence?: Fence,
) =>
	check(async () => {
		const { rows, complete } = await ordersSince(ctx, itemIndex, started - CLOCK_SLACK_MS, fence);
		const candidates = forReceiver(rows, expected.receiver);
		const found: IDataObject[] = [];
		for (const group of expected.sellers) {
			const row = candidates.find(
				(candidate) => !found.includes(candidate) && matchesSeller(candidate, group),
			);
			if (row) found.push(row);
		}
		const ids = found.map((row) => text(row.tbOrderId));
		const described = found.map(
			(row) =>
				`${text(row.tbOrderId)} (created ${text(row.createTime)}, ${orderStage(row) ?? 'state unknown'}${rowTotalFen(row) === undefined ? '' : `, ${cnyText(rowTotalFen(row)!)}`})`,
		);
		if (found.length === expected.sellers.length) {
			return {
				outcome: 'went through',
				detail: `PandaPon shows the order${ids.length > 1 ? 's' : ''} it made: ${described.join('; ')}`,
				orderIds: ids,
			};
		}
		if (found.length) {
			return {
				outcome: 'went through',
				detail: `PandaPon shows ${found.length} of the ${expected.sellers.length} orders: ${described.join('; ')}`,
				orderIds: ids,
			};
		}
		if (complete)
			return {
				outcome: 'did not go through',
				detail: 'no order with these lines and this receiver was created since the request began',
			};
		return {
			outcome: 'could not tell',
			detail:
				'no matching order among the newest orders, but the order list could not be read back far enough to be sure',
		};
	});

/** Cart Create Order: the cart's lines are not in the answer, so orders for this receiver since the request began count. */
export const settleCartOrder = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	started: number,
	receiver: Expected['receiver'],
	fence?: Fence,
) =>
	check(async () => {
		const { rows, complete } = await ordersSince(ctx, itemIndex, started - CLOCK_SLACK_MS, fence);
		const found = forReceiver(rows, receiver);
		const ids = found.map((row) => text(row.tbOrderId));
		if (found.length)
			return {
				outcome: 'went through',
				detail: `PandaPon shows order${ids.length > 1 ? 's' : ''} ${ids.join(', ')} created for this receiver since the request began`,
				orderIds: ids,
			};
		if (complete)
			return {
				outcome: 'did not go through',
				detail: 'no order for this receiver was created since the request began',
			};
		return {
			outcome: 'could not tell',
			detail: 'the order list could not be read back far enough to be sure',
		};
	});

/** The message of a write whose answer was lost, once the check has spoken. */
function settledMessage(base: string, path: string, s: Settlement): string {
	const head = base.replace(/ This request may have reached PandaPon.*$/, '').replace(/\.?$/, '.');
	switch (s.outcome) {
		case 'went through':
			return `${head} The outcome was unknown, so the node checked with PandaPon: it went through (${s.detail}). Do not send it again.`;
		case 'did not go through':
			return `${head} The outcome was unknown, so the node checked with PandaPon: it did not go through (${s.detail}). Nothing changed, so sending it again is safe.`;
		default:
			return `${head} This request may have reached PandaPon and taken effect; it was not repeated, and a check with PandaPon could not tell (${s.detail}). Before trying again, check ${whereToCheck(path)}.`;
	}
}

/**
 * Sends a write once. When its outcome is unknown, runs the check and throws the same error with the check's
 * answer in its message and `outcome` / `orderIds` in its context (Continue On Fail puts them on the item).
 */
export async function sendOnce<T>(
	ctx: IExecuteFunctions,
	path: string,
	send: () => Promise<T>,
	settle: (started: number) => Promise<Settlement>,
): Promise<T> {
	const started = Date.now();
	let failure: unknown;
	try {
		return await send();
	} catch (error) {
		failure = error; // our own NodeApiError / NodeOperationError: passed on, with the check's answer when it had one
	}
	if (outcomeOf(failure) !== 'unknown' || !(failure instanceof NodeApiError)) throw failure;
	const settled = await settle(started);
	failure.message = settledMessage(failure.message, path, settled);
	failure.context.outcome = settled.outcome;
	if (settled.orderIds?.length) failure.context.orderIds = settled.orderIds;
	throw failure;
}
