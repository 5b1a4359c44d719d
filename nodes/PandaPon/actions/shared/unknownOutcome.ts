/**
 * When a 1688 write's answer is lost (a timeout, a cut connection, a 5xx, an unreadable answer, an envelope code
 * that is not a refusal), the node reads PandaPon back with the documented order list (doc-th.pandapon.com/api-289190488:
 * filter by tbOrderId, or the newest orders) and says only what the reads prove:
 * - **went through**: the order is now in the state this write makes (cancelled, paid, received);
 * - **did not go through**: the order is in a state this write can never reach any more, so it cannot land later
 *   either (a cancel of an order that is paid; a pay or a receipt of an order that was closed unpaid);
 * - **could not tell**: anything else. A write can land after its answer was lost (PandaPon still working on it), so
 *   "still awaiting payment" or "no such order yet" proves nothing. PandaPon gives an order no reference the node
 *   could set and find again, so a found order with the same lines and receiver may be another workflow's: a lost
 *   Create or Cart Create Order is never settled either way; the orders that fit are named for the user to check.
 * The reads are spread over a bounded window (the request timeout plus SETTLE_MARGIN_MS, SETTLE_READS reads) and
 * never write.
 */
import { NodeApiError, sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { cnyText, orderStage } from '../../shared/simplify';
import { ENDPOINTS } from '../../model/endpoints';
import { parseJson } from '../../model/json';
import { orderRow as listedOrder, rowTotalFen } from '../../transport/orderLookup';
import { outcomeOf, pandaponRequest, requestTimeoutMs } from '../../transport/request';
import { whereToCheck } from './whereToCheck';
import { isObject } from '../../shared/parameters';

export type Outcome = 'went through' | 'did not go through' | 'could not tell';

export interface Settlement {
	outcome: Outcome;
	/** What was seen, in words ("order 2542… is now closed"). */
	detail: string;
	/** The 1688 order ids the check found the write on (created, paid, cancelled …). */
	orderIds?: string[];
	/** Orders that fit a lost create but cannot be told apart from another's identical order: for the user to check. */
	candidateOrderIds?: string[];
}

/** A look at PandaPon: `final` when it proves the outcome, else what it saw so far ("could not tell"). */
type Look = Settlement & { final?: boolean };

/**
 * The settling window: the request timeout plus a margin as long again, between SETTLE_MARGIN_MS.min and .max (the
 * default 30 s timeout gives 35 s), so a write PandaPon was still working on when the answer was lost shows.
 */
export const SETTLE_MARGIN_MS = { min: 2000, max: 5000 };
/** Reads spread evenly over the window (the first at once); it ends early on a read that proves the outcome. */
export const SETTLE_READS = 4;
/** One settling read: short, never retried by itself (the window repeats it). */
const READ_TIMEOUT_MS = 5000;
const PAGE_SIZE = 50;
const MAX_PAGES = 3;
/**
 * PandaPon refuses a signature more than 600 s off its clock, so its order times are at most that far from ours;
 * a minute more for the time the request took.
 */
const MAX_CLOCK_SKEW_MS = 660_000;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const plural = (ids: string[], one: string, many: string) => (ids.length > 1 ? many : one);

/** The settling window for this credential: its request timeout plus the margin. */
export async function settleWindowMs(ctx: IExecuteFunctions): Promise<number> {
	const timeoutMs = await requestTimeoutMs(ctx);
	return timeoutMs + Math.min(SETTLE_MARGIN_MS.max, Math.max(SETTLE_MARGIN_MS.min, timeoutMs));
}

/** Bounds for one settling read: never past the window's end by more than a second. */
type ReadBounds = () => { timeoutMs: number; maxAttempts: number };

/** Reads `look` SETTLE_READS times over the window, until one proves the outcome; a read that fails is "could not tell". */
async function overWindow(
	ctx: IExecuteFunctions,
	look: (bounds: ReadBounds) => Promise<Look>,
): Promise<Settlement> {
	const windowMs = await settleWindowMs(ctx);
	const began = Date.now();
	const deadline = began + windowMs;
	const bounds: ReadBounds = () => ({
		timeoutMs: Math.max(1000, Math.min(READ_TIMEOUT_MS, deadline - Date.now() + 1000)),
		maxAttempts: 1,
	});
	let last: Settlement = { outcome: 'could not tell', detail: 'PandaPon was not read' };
	let reads = 0;
	for (let i = 0; i < SETTLE_READS; i++) {
		const at = began + (windowMs * i) / (SETTLE_READS - 1);
		if (i > 0 && Date.now() > deadline) break;
		if (at > Date.now()) await sleep(at - Date.now());
		reads++;
		let seen: Look;
		try {
			seen = await look(bounds);
		} catch (error) {
			seen = {
				outcome: 'could not tell',
				detail: `the check itself failed: ${(error as Error).message}`,
			};
		}
		const { final, ...settlement } = seen;
		if (final) return settlement;
		last = settlement;
	}
	const seconds = Math.round((Date.now() - began) / 1000);
	return {
		...last,
		outcome: 'could not tell',
		detail: `${last.detail}; read ${reads} time${reads > 1 ? 's' : ''} over ${seconds} s`,
	};
}

const proven = (
	outcome: Exclude<Outcome, 'could not tell'>,
	detail: string,
	orderIds?: string[],
): Look => ({ outcome, detail, final: true, ...(orderIds ? { orderIds } : {}) });
const open = (detail: string): Look => ({ outcome: 'could not tell', detail });

/** A closed order that was never paid: no pay, cancel or receipt can change it any more. */
const closedUnpaid = (row: IDataObject) =>
	orderStage(row) === 'closed' && !text(row.payTime) && text(row.payStatus) !== '2';
const isPaid = (stage: string | null) =>
	stage === 'paid' || stage === 'shipped' || stage === 'completed';

/** One order of the documented order list by its 1688 order ID, within the window's bounds. */
const rowOf = (ctx: IExecuteFunctions, itemIndex: number, bounds: ReadBounds, tbOrderId: string) =>
	listedOrder(ctx, tbOrderId, { itemIndex, ...bounds() });

/** Cancel: closed = it went through; paid (a cancel can no longer apply) = it did not; still open = could not tell. */
export const settleCancel = (ctx: IExecuteFunctions, itemIndex: number, orderId: string) =>
	overWindow(ctx, async (bounds) => {
		const row = await rowOf(ctx, itemIndex, bounds, orderId);
		if (!row) return open(`the order list does not show order ${orderId}`);
		const stage = orderStage(row);
		if (stage === 'closed')
			return proven('went through', `order ${orderId} is now closed (cancelled)`, [orderId]);
		if (isPaid(stage))
			return proven('did not go through', `order ${orderId} is ${stage}, so it was not cancelled`);
		if (stage === 'awaiting payment')
			return open(
				`order ${orderId} is still open and awaiting payment, which a cancel PandaPon is still working on would also show`,
			);
		return open(`the order list shows order ${orderId} without a payment state`);
	});

/** Confirm Receipt: completed = it went through; closed unpaid (never receivable) = it did not; else could not tell. */
export const settleReceipt = (ctx: IExecuteFunctions, itemIndex: number, orderId: string) =>
	overWindow(ctx, async (bounds) => {
		const row = await rowOf(ctx, itemIndex, bounds, orderId);
		if (!row) return open(`the order list does not show order ${orderId}`);
		const stage = orderStage(row);
		if (stage === 'completed')
			return proven('went through', `order ${orderId} now shows its receipt confirmed`, [orderId]);
		if (closedUnpaid(row))
			return proven(
				'did not go through',
				`order ${orderId} was closed unpaid, so it cannot be received`,
			);
		return open(
			stage
				? `order ${orderId} is ${stage}, not yet received, which a receipt PandaPon is still working on would also show`
				: `the order list shows order ${orderId} without a state`,
		);
	});

/** Pay: each order paid, or closed unpaid (never payable); any still awaiting payment = could not tell. */
export const settlePay = (ctx: IExecuteFunctions, itemIndex: number, orderIds: string[]) =>
	overWindow(ctx, async (bounds) => {
		const paid: string[] = [];
		const unpayable: string[] = [];
		const pending: string[] = [];
		for (const id of orderIds) {
			const row = await rowOf(ctx, itemIndex, bounds, id);
			if (!row) return open(`the order list does not show order ${id}`);
			const stage = orderStage(row);
			if (isPaid(stage)) paid.push(id);
			else if (closedUnpaid(row)) unpayable.push(id);
			else pending.push(`${id} (${stage ?? 'without a payment state'})`);
		}
		const paidText = paid.length
			? `order${plural(paid, ' ', 's ')}${paid.join(', ')} ${plural(paid, 'is', 'are')} paid`
			: '';
		const closedText = unpayable.length
			? `order${plural(unpayable, ' ', 's ')}${unpayable.join(', ')} ${plural(unpayable, 'was', 'were')} closed unpaid, so ${plural(unpayable, 'it', 'they')} cannot be paid`
			: '';
		const seen = [paidText, closedText].filter(Boolean);
		if (pending.length)
			return {
				...open(
					[
						...seen,
						`${pending.join(', ')} not paid yet, which a payment PandaPon is still working on would also show`,
					].join('; '),
				),
				...(paid.length ? { orderIds: paid } : {}),
			};
		if (!paid.length) return proven('did not go through', closedText);
		return proven('went through', seen.join('; '), paid);
	});

/** What an order must show to fit a lost Create: its seller's lines and the receiver. */
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

/** The newest order before a create is sent (by PandaPon's own clock): orders created after it are new. */
export interface Fence {
	tbOrderId: string;
	/** Its creation time as PandaPon gives it (ms), when readable. */
	createdAt?: number;
}

/**
 * Read before a create (one row of the order list): the newest order then, so that after a lost answer only
 * orders made since count, not an identical order placed a minute earlier. Undefined when it cannot be read
 * (the check then counts orders from as far back as the clocks may differ).
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
			timeoutMs: READ_TIMEOUT_MS,
			maxAttempts: 2,
		})) as IDataObject | null;
		const row = Array.isArray(data?.data) ? (data!.data as IDataObject[])[0] : undefined;
		if (!row) return { tbOrderId: '' };
		const createdAt = Date.parse(text(row.createTime));
		return {
			tbOrderId: text(row.tbOrderId),
			...(Number.isFinite(createdAt) ? { createdAt } : {}),
		};
	} catch {
		return undefined;
	}
}

/**
 * The orders created since the request began, from the newest pages of the list (whatever its sort): after the
 * fence's creation time when it was read (PandaPon's clock on both sides), else within the largest clock skew
 * PandaPon's signature window allows.
 */
async function ordersSince(
	ctx: IExecuteFunctions,
	itemIndex: number,
	bounds: ReadBounds,
	started: number,
	fence?: Fence,
): Promise<{ rows: IDataObject[]; read: number }> {
	const after = fence?.createdAt ?? started - MAX_CLOCK_SKEW_MS;
	const rows: IDataObject[] = [];
	let read = 0;
	for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
		const data = (await pandaponRequest.call(ctx, {
			...ENDPOINTS.orderList,
			body: { pageNum, pageSize: PAGE_SIZE },
			idempotent: true,
			itemIndex,
			...bounds(),
		})) as IDataObject | null;
		const page = Array.isArray(data?.data) ? (data!.data as IDataObject[]) : [];
		read += page.length;
		const created = page.map((row) => Date.parse(text(row.createTime)));
		page.forEach((row, i) => {
			const isFence = !!fence?.tbOrderId && text(row.tbOrderId) === fence.tbOrderId;
			if (!isFence && !(created[i] <= after)) rows.push(row);
		});
		// A whole page created before the window (and not pushed up by an update-time sort): nothing newer below.
		const total = Number(data?.total);
		if (!page.length || (Number.isFinite(total) && read >= total)) break;
		if (created.every((t) => t <= after) && created.length === page.length) break;
	}
	return { rows, read };
}

function listed(rows: IDataObject[]): string {
	return rows
		.map((row) => {
			const total = rowTotalFen(row);
			return `${text(row.tbOrderId)} (created ${text(row.createTime)}, ${orderStage(row) ?? 'state unknown'}${total === undefined ? '' : `, ${cnyText(total)}`})`;
		})
		.join('; ');
}

const NO_REFERENCE =
	'PandaPon keeps no reference of this request on its orders, so the node cannot tell this request’s order from an identical one placed meanwhile by another workflow or a person';

/** What fits a lost create, in words: never a verdict (see the file's header). */
function candidates(found: IDataObject[], read: number, what: string): Look {
	const ids = found.map((row) => text(row.tbOrderId));
	if (!found.length)
		return open(
			`none of the ${read} newest orders has ${what} yet, and a create PandaPon is still working on can show later`,
		);
	return {
		...open(
			`PandaPon shows ${found.length} order${found.length > 1 ? 's' : ''} with ${what} created since the request began: ${listed(found)}; ${NO_REFERENCE}`,
		),
		candidateOrderIds: ids,
	};
}

/** Create (one seller or several): the orders with each seller's lines and the receiver, for the user to check. */
export const settleCreate = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	started: number,
	expected: Expected,
	fence?: Fence,
) =>
	overWindow(ctx, async (bounds) => {
		const { rows, read } = await ordersSince(ctx, itemIndex, bounds, started, fence);
		const forThem = forReceiver(rows, expected.receiver);
		const found = forThem.filter((row) =>
			expected.sellers.some((group) => matchesSeller(row, group)),
		);
		return candidates(found, read, 'these lines and this receiver');
	});

/** Cart Create Order: the cart's lines are not in the answer, so orders for this receiver since the request began. */
export const settleCartOrder = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	started: number,
	receiver: Expected['receiver'],
	fence?: Fence,
) =>
	overWindow(ctx, async (bounds) => {
		const { rows, read } = await ordersSince(ctx, itemIndex, bounds, started, fence);
		return candidates(forReceiver(rows, receiver), read, 'this receiver');
	});

/**
 * The message of a write whose answer was lost, once the check has spoken. `answer` is what the transport recorded
 * as happening (context.answer: the message without its unknown-outcome sentence).
 */
function settledMessage(error: NodeApiError, path: string, s: Settlement): string {
	const answer = String(error.context.answer ?? '');
	const at = answer ? error.message.indexOf(answer) : -1;
	const head = (at < 0 ? error.message : error.message.slice(0, at + answer.length)).replace(
		/\.?$/,
		'.',
	);
	switch (s.outcome) {
		case 'went through':
			return `${head} The outcome was unknown, so the node checked with PandaPon: it went through (${s.detail}). Do not send it again.`;
		case 'did not go through':
			return `${head} The outcome was unknown, so the node checked with PandaPon: it did not go through (${s.detail}). Nothing changed, so sending it again is safe.`;
		default:
			return `${head} This request may have reached PandaPon and taken effect; it was not repeated, and a check with PandaPon could not tell (${s.detail}). Do not send it again before you check ${whereToCheck(path)}.`;
	}
}

/** Node runs with a write whose outcome is being settled: no new item starts meanwhile (see the router). */
const settling = new WeakSet<object>();
export const isSettling = (ctx: object): boolean => settling.has(ctx);

/**
 * Sends a write once. When its outcome is unknown, runs the check and throws the same error with the check's
 * answer in its message and `outcome` / `orderIds` / `candidateOrderIds` in its context (Continue On Fail puts them
 * on the item).
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
	settling.add(ctx);
	let settled: Settlement;
	try {
		settled = await settle(started);
	} finally {
		settling.delete(ctx);
	}
	failure.message = settledMessage(failure, path, settled);
	failure.context.outcome = settled.outcome;
	if (settled.orderIds?.length) failure.context.orderIds = settled.orderIds;
	if (settled.candidateOrderIds?.length)
		failure.context.candidateOrderIds = settled.candidateOrderIds;
	throw failure;
}
