/**
 * Confirm With PandaPon: a push says an order was paid, cancelled, repriced, refunded …; before a workflow acts on
 * it, the trigger (or the Verify Push operation) reads the order back with the documented order list
 * (doc-th.pandapon.com/api-289190488, filtered by tbOrderId), and a refund with the refund read (endpoint table:
 * refundInfo), and checks the claim, not only the order: every field the push states that PandaPon shows (order
 * number, amounts, pay status, state, close reason, refund id and amount) must match, and the state it claims must
 * still hold ("paid" after a refund, or "created" for an order that has moved on, is not current). `confirmed: true`
 * only then; a field that differs is `false`, naming it; a claim PandaPon cannot show is `"unknown"`. An unsigned
 * push is never confirmed on the order's existence alone. Reads are short, never a write.
 */
import { sleep, type IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../model/endpoints';
import { compactOrder, orderStage } from '../shared/simplify';
import { orderRow } from '../transport/orderLookup';
import { pandaponRequest, type PandaPonContext } from '../transport/request';
import type { LoadedSecret } from './receivePush';
import { wholeFen } from '../model/values';

export interface Confirmation {
	confirmed: boolean | 'unknown';
	/** Why not confirmed (false or unknown), in words. */
	confirmReason?: string;
	/** The order as PandaPon shows it now (compact), when it was found. */
	pandaponOrder?: IDataObject;
}

/** The read: one attempt retried once, 3 s each, after the push was answered; one of 700 ms when the answer waits on it. */
const READ = { timeoutMs: 3000, maxAttempts: 2 };
const QUICK_READ = { timeoutMs: 700, maxAttempts: 1 };

/** A "created" push is current while the order is this young (PandaPon's clock may differ by up to 600 s). */
const CREATED_RECENTLY_MS = 24 * 3600_000 + 600_000;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const present = (v: unknown) => v !== null && v !== undefined && v !== '';
const yuan = (fen: number) => `${(fen / 100).toFixed(2)} CNY`;

/** The 1688 order id a push names: a compact body's orderId, or an order-detail body's baseInfo. */
export function pushedOrderId(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const b = body as IDataObject;
	const base = (b.baseInfo ?? {}) as IDataObject;
	const id = text(b.orderId ?? b.tbOrderId ?? base.idOfStr ?? base.id);
	return /^\d{1,19}$/.test(id) ? id : undefined;
}

/** A whole number of fen from a push or a row (a number or digits), else undefined. */
const fenOf = (value: unknown): number | undefined => wholeFen(value, true);

/** The compact push's orderStatus words and the stage each says the order is in (§8.3 of the endpoint table). */
const CLAIMED_STAGE: Record<string, string> = {
	WAITING_FOR_PAYMENT: 'awaiting payment',
	WAITING_FOR_SENT: 'paid',
	CANCEL: 'closed',
};

const MONEY = new Set(['totalAmount', 'productAmount', 'shippingFee', 'refundAmount']);

/** What a push's body states that PandaPon's order row can show; the order-detail body's total is in yuan. */
function claims(body: IDataObject): Record<string, unknown> {
	const base = (body.baseInfo ?? {}) as IDataObject;
	const stated: Record<string, unknown> = {};
	for (const field of ['orderNo', 'closeReason', 'orderStatus'])
		if (present(body[field])) stated[field] = body[field];
	for (const field of ['payStatus', ...MONEY])
		if (present(body[field])) stated[field] = fenOf(body[field]) ?? body[field];
	if (stated.totalAmount === undefined && typeof base.totalAmount === 'number')
		stated.totalAmount = Math.round(base.totalAmount * 100);
	return stated;
}

/** The first stated field PandaPon's row shows differently, in words; undefined when all that it shows match. */
function fieldMismatch(stated: Record<string, unknown>, row: IDataObject): string | undefined {
	for (const [field, value] of Object.entries(stated)) {
		if (field === 'orderStatus') {
			const claimed = CLAIMED_STAGE[text(value)];
			const shown = orderStage(row);
			if (claimed && shown && claimed !== shown && !(claimed === 'paid' && isPaid(shown)))
				return `orderStatus: the push says ${text(value)} (${claimed}), PandaPon shows the order ${shown}`;
			continue;
		}
		if (!(field in row)) continue;
		const fen = fenOf(row[field]);
		if (typeof value === 'number' && fen !== undefined) {
			const say = MONEY.has(field) ? yuan : String;
			if (value !== fen) return `${field}: the push says ${say(value)}, PandaPon shows ${say(fen)}`;
			continue;
		}
		if (text(value) !== text(row[field]))
			return `${field}: the push says ${text(value)}, PandaPon shows ${text(row[field]) || 'none'}`;
	}
	return undefined;
}

const isPaid = (stage: string | null) =>
	stage === 'paid' || stage === 'shipped' || stage === 'completed';

type Check = { confirmed: true } | { confirmed: false | 'unknown'; confirmReason: string };
const not = (confirmReason: string): Check => ({ confirmed: false, confirmReason });
const unknown = (confirmReason: string): Check => ({ confirmed: 'unknown', confirmReason });

/** Whether the state the push's type claims still holds on PandaPon's row. */
function typeHolds(type: string, stated: Record<string, unknown>, row: IDataObject): Check {
	const stage = orderStage(row);
	const refunded = fenOf(row.refundAmount) ?? 0;
	switch (type) {
		case 'ORDER_PAY_SUCCESS':
			if (!isPaid(stage))
				return not(
					`the push says paid, PandaPon shows the order ${stage ?? 'without a payment state'}`,
				);
			return refunded > 0
				? not(
						`the push says paid, but PandaPon shows ${yuan(refunded)} refunded on the order since`,
					)
				: { confirmed: true };
		case 'ORDER_CANCEL':
			return stage === 'closed' && !isPaid(stage) && text(row.payStatus) !== '2'
				? { confirmed: true }
				: not(`the push says cancelled, PandaPon shows the order ${stage ?? 'without a state'}`);
		case 'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY':
			if (stated.totalAmount === undefined)
				return unknown('the push says the price changed but gives no new total to check');
			return stage === 'awaiting payment'
				? { confirmed: true }
				: not(
						`the push says the price of an unpaid order changed, PandaPon shows the order ${stage ?? 'without a state'}`,
					);
		case 'ORDER_CREATE': {
			const created = Date.parse(text(row.createTime));
			if (!Number.isFinite(created)) return unknown('PandaPon shows no creation time to check');
			return Date.now() - created <= CREATED_RECENTLY_MS
				? { confirmed: true }
				: not(
						`the push says the order was just created, PandaPon shows it created ${text(row.createTime)}`,
					);
		}
		default:
			return unknown(`PandaPon's order list cannot show what a ${type} push claims`);
	}
}

/** A refund push: the refund it names must exist, be for this order and (when stated) be of this amount. */
async function refundHolds(
	ctx: PandaPonContext,
	body: IDataObject,
	orderId: string,
	bounds: typeof READ,
): Promise<Check> {
	const refundId = text(body.refundId);
	if (!refundId) return not('the push names no refund ID');
	let refund: IDataObject | null;
	try {
		refund = (await pandaponRequest.call(ctx, {
			...ENDPOINTS.refundInfo,
			body: { refundId },
			idempotent: true,
			...bounds,
		})) as IDataObject | null;
	} catch (error) {
		const message = (error as Error).message;
		return /PandaPon error/.test(message)
			? not(`PandaPon does not show refund ${refundId}: ${message}`)
			: unknown(`the refund could not be read: ${message}`);
	}
	if (!refund || typeof refund !== 'object')
		return unknown(`PandaPon answered no refund ${refundId}`);
	if (present(refund.orderId) && text(refund.orderId) !== orderId)
		return not(`refund ${refundId} is for order ${text(refund.orderId)}, not ${orderId}`);
	const claimed = fenOf(body.refundAmount);
	const shown = fenOf(refund.applyPayment ?? refund.refundPayment ?? refund.refundAmount);
	if (claimed !== undefined && shown !== undefined && claimed !== shown)
		return not(
			`refundAmount: the push says ${yuan(claimed)}, PandaPon shows ${yuan(shown)} for refund ${refundId}`,
		);
	if (claimed !== undefined && shown === undefined)
		return unknown(`PandaPon shows no amount for refund ${refundId} to check`);
	return { confirmed: true };
}

/**
 * Confirming reads under way in this process, by who signed: a correctly signed push has its own, larger room, so
 * a flood of forged or unsigned pushes cannot take the reads authentic ones need. Beyond the room, a push is
 * "unknown" once it has waited ROOM_WAIT_MS for a place (with Do Not Start it is answered so that PandaPon sends it
 * again).
 */
export const CONFIRMING_ROOM = { signed: 16, other: 4 };
const confirming = { signed: 0, other: 0 };
/** How long a push waits for room before it is "unknown": short when PandaPon's answer waits on the read. */
const ROOM_WAIT_MS = { quick: 200, after: 5000 };

/** Takes a place in the room, waiting up to `waitMs` for one to free; false when none did. */
async function enterRoom(room: keyof typeof confirming, waitMs: number): Promise<boolean> {
	const deadline = Date.now() + waitMs;
	while (confirming[room] >= CONFIRMING_ROOM[room]) {
		if (Date.now() >= deadline) return false;
		await sleep(20);
	}
	confirming[room]++;
	return true;
}

/**
 * Confirm With PandaPon as the node's options say: undefined when it is off; "unknown" without a readable
 * credential (nothing to read with); otherwise the read below.
 */
export async function confirmAsOptioned(
	ctx: PandaPonContext,
	message: PushClaim,
	loaded: LoadedSecret,
	options: IDataObject,
	quick = false,
): Promise<Confirmation | undefined> {
	if (options.confirm === false) return undefined;
	if (typeof loaded === 'object' && 'secret' in loaded) return confirmPush(ctx, message, quick);
	return {
		confirmed: 'unknown',
		confirmReason:
			loaded === 'none'
				? 'no PandaPon API credential is selected'
				: 'the selected PandaPon API credential cannot be read',
	};
}

/** Whether Unconfirmed Pushes: Do Not Start (Drop) keeps this push out. */
export const dropsUnconfirmed = (
	confirmation: Confirmation | undefined,
	options: IDataObject,
): boolean =>
	confirmation !== undefined && confirmation.confirmed !== true && options.unconfirmed === 'skip';

export interface PushClaim {
	type: string;
	platform: string | null;
	body: unknown;
	/** The push signature check's result ('valid' = signed with the Access Secret). */
	signature?: unknown;
}

/** Reads the order a 1688 push names and checks the push's claim against it. */
export async function confirmPush(
	ctx: PandaPonContext,
	message: PushClaim,
	quick = false,
): Promise<Confirmation> {
	if (message.platform !== '1688')
		return {
			confirmed: 'unknown',
			confirmReason:
				'only 1688 order pushes can be confirmed (PandaPon publishes no Taobao order read)',
		};
	const id = pushedOrderId(message.body);
	if (!id) return { confirmed: 'unknown', confirmReason: 'the push names no 1688 order ID' };
	const room = message.signature === 'valid' ? 'signed' : 'other';
	if (!(await enterRoom(room, quick ? ROOM_WAIT_MS.quick : ROOM_WAIT_MS.after)))
		return {
			confirmed: 'unknown',
			confirmReason: `too many ${room === 'signed' ? 'signed ' : 'unsigned '}pushes are being confirmed at once (more than ${CONFIRMING_ROOM[room]})`,
		};
	try {
		return await checkClaim(ctx, message, id, quick ? QUICK_READ : READ);
	} finally {
		confirming[room]--;
	}
}

async function checkClaim(
	ctx: PandaPonContext,
	message: PushClaim,
	id: string,
	bounds: typeof READ,
): Promise<Confirmation> {
	let row: IDataObject | undefined;
	try {
		row = await orderRow(ctx, id, bounds);
	} catch (error) {
		return {
			confirmed: 'unknown',
			confirmReason: `PandaPon could not be asked: ${(error as Error).message}`,
		};
	}
	if (!row) return { confirmed: false, confirmReason: `PandaPon's order list has no order ${id}` };
	const body = (message.body ?? {}) as IDataObject;
	const stated = claims(body);
	const pandaponOrder = compactOrder(row);
	const refund = message.type === 'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND';
	// The state the type claims, then every field stated, then (for a refund) the refund itself.
	const state = refund ? ({ confirmed: true } as const) : typeHolds(message.type, stated, row);
	if (state.confirmed !== true) return { ...state, pandaponOrder };
	const wrong = fieldMismatch(stated, row);
	if (wrong) return { confirmed: false, confirmReason: wrong, pandaponOrder };
	const held = refund ? await refundHolds(ctx, body, id, bounds) : state;
	if (held.confirmed !== true) return { ...held, pandaponOrder };
	// Unsigned: the order existing is no proof; it must state something of it that matched (its number or a total).
	// (A refund ID counts only on a refund push, where the refund read above checked it.)
	const matched =
		(refund && present(body.refundId)) ||
		['orderNo', 'totalAmount', 'productAmount'].some((f) => stated[f] !== undefined);
	if (message.signature !== 'valid' && !matched)
		return {
			confirmed: 'unknown',
			confirmReason:
				'the push is not signed and states nothing PandaPon can check beyond the order existing',
			pandaponOrder,
		};
	return { confirmed: true, pandaponOrder };
}
