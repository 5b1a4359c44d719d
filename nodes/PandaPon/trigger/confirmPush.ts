/**
 * Confirm With PandaPon: a push says an order was paid, cancelled, repriced …; before a workflow acts on it, the
 * trigger (or the Verify Push operation) reads the order back with the documented order list (doc-th.pandapon.com/api-289190488, filtered by
 * tbOrderId) and says whether PandaPon shows what the push claims. A forged "Order Paid" for an unpaid or unknown
 * order is then `confirmed: false` whatever its signature, and a real push is `confirmed: true` even if the
 * signature recipe turns out to differ from ours. One read per push, short, never a write.
 */
import type { IDataObject } from 'n8n-workflow';

import { compactOrder, orderStage } from '../shared/simplify';
import { orderRow } from '../transport/orderLookup';
import type { PandaPonContext } from '../transport/request';
import type { LoadedSecret } from './receivePush';

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

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The 1688 order id a push names: a compact body's orderId, or an order-detail body's baseInfo. */
export function pushedOrderId(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const b = body as IDataObject;
	const base = (b.baseInfo ?? {}) as IDataObject;
	const id = text(b.orderId ?? b.tbOrderId ?? base.idOfStr ?? base.id);
	return /^\d{1,19}$/.test(id) ? id : undefined;
}

/** What PandaPon's row must show for the push's claim to hold; undefined = it holds. */
function mismatch(type: string, body: IDataObject, row: IDataObject): string | undefined {
	const stage = orderStage(row);
	switch (type) {
		case 'ORDER_PAY_SUCCESS':
			return stage === 'paid' || stage === 'shipped' || stage === 'completed'
				? undefined
				: `the push says paid, PandaPon shows the order ${stage ?? 'without a payment state'}`;
		case 'ORDER_CANCEL':
			return stage === 'closed'
				? undefined
				: `the push says cancelled, PandaPon shows the order ${stage ?? 'without a state'}`;
		case 'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY': {
			// A compact body carries the new total in fen; the order-detail body in yuan (baseInfo.totalAmount).
			const base = (body.baseInfo ?? {}) as IDataObject;
			const claimed =
				typeof body.totalAmount === 'number'
					? body.totalAmount
					: typeof base.totalAmount === 'number'
						? Math.round(base.totalAmount * 100)
						: undefined;
			const shown = Number(row.totalAmount);
			if (claimed === undefined || !Number.isFinite(shown)) return undefined;
			return claimed === shown
				? undefined
				: `the push says the total is ${(claimed / 100).toFixed(2)} CNY, PandaPon shows ${(shown / 100).toFixed(2)} CNY`;
		}
		case 'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND':
			return Number(row.refundStatus) > 0 || Number(row.refundAmount) > 0
				? undefined
				: 'the push says a refund, PandaPon shows none on the order';
		default:
			return undefined; // ORDER_CREATE and others: the order existing is the claim
	}
}

/**
 * Confirming reads under way in this process: beyond this many, a push is marked "unknown" instead of read, so a
 * flood of forged pushes cannot turn into a flood of signed reads against the account.
 */
const MAX_CONFIRMING = 4;
let confirming = 0;

/**
 * Confirm With PandaPon as the node's options say: undefined when it is off; "unknown" without a readable
 * credential (nothing to read with); otherwise the read below.
 */
export async function confirmAsOptioned(
	ctx: PandaPonContext,
	message: { type: string; platform: string | null; body: unknown },
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

/** Reads the order a 1688 push names and compares it with the push's claim. */
export async function confirmPush(
	ctx: PandaPonContext,
	message: { type: string; platform: string | null; body: unknown },
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
	if (confirming >= MAX_CONFIRMING)
		return {
			confirmed: 'unknown',
			confirmReason: `too many pushes are being confirmed at once (more than ${MAX_CONFIRMING})`,
		};
	let row: IDataObject | undefined;
	confirming++;
	try {
		row = await orderRow(ctx, id, quick ? QUICK_READ : READ);
	} catch (error) {
		return {
			confirmed: 'unknown',
			confirmReason: `PandaPon could not be asked: ${(error as Error).message}`,
		};
	} finally {
		confirming--;
	}
	if (!row) return { confirmed: false, confirmReason: `PandaPon's order list has no order ${id}` };
	const wrong = mismatch(message.type, (message.body ?? {}) as IDataObject, row);
	const pandaponOrder = compactOrder(row);
	return wrong
		? { confirmed: false, confirmReason: wrong, pandaponOrder }
		: { confirmed: true, pandaponOrder };
}
