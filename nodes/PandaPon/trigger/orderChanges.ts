/**
 * What the polling trigger compares: a compact snapshot per 1688 order (from the documented order-list fields), and
 * the events a change between two snapshots means. Pure functions, shared by the trigger and its tests.
 */
import type { IDataObject } from 'n8n-workflow';

/** [orderStatus, payStatus, refundStatus, logisticsStatus, totalAmount (fen), refundAmount (fen), closed 0|1, created (s)] */
export type Snapshot = [
	number | null,
	number | null,
	number | null,
	number | null,
	number | null,
	number | null,
	0 | 1,
	number,
];

/** About 60 bytes per order in the workflow's static data (the README quotes the measured figure). */
export function snapshotOf(order: IDataObject): Snapshot {
	const n = (v: unknown) =>
		v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
	const created = Date.parse(String(order.createTime ?? ''));
	return [
		n(order.orderStatus),
		n(order.payStatus),
		n(order.refundStatus),
		n(order.logisticsStatus),
		n(order.totalAmount),
		n(order.refundAmount),
		order.closeReason ? 1 : 0,
		Number.isFinite(created) ? Math.floor(created / 1000) : 0,
	];
}

const cell = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

/** Whether a stored value is a snapshot this version wrote (an older or hand-edited form is not compared). */
export function isSnapshot(value: unknown): value is Snapshot {
	return (
		Array.isArray(value) &&
		value.length === 8 &&
		value.slice(0, 6).every(cell) &&
		(value[6] === 0 || value[6] === 1) &&
		typeof value[7] === 'number' &&
		Number.isFinite(value[7])
	);
}

/**
 * Whether the poller's saved state can be compared with: a baseline time and an object of snapshots of this
 * version's form. Anything else (an older version's form, objects, numbers as text) would report false events, so
 * it is a fresh start instead.
 */
export function readableState(state: { baselineAt?: unknown; orders?: unknown }): boolean {
	if (state.baselineAt === undefined && state.orders === undefined) return true;
	const { baselineAt, orders } = state;
	if (typeof baselineAt !== 'number' || !Number.isFinite(baselineAt)) return false;
	if (orders === undefined) return true;
	if (!orders || typeof orders !== 'object' || Array.isArray(orders)) return false;
	return Object.values(orders).every(isSnapshot);
}

/**
 * orderStatus codes the order list does not document (only 1 = awaiting payment is known): what the node takes
 * them to mean for Shipped, Received and Cancelled. One constant to correct; "Any Status Change" needs none.
 */
export const ASSUMED_ORDER_STATUS = { shipped: 3, received: 4, cancelled: 6 } as const;
/** payStatus 2 = paid (from PandaPon's push samples). */
export const PAID = 2;

export const EVENTS = [
	{ value: 'new', name: 'New Order', description: 'An order was placed since the last check' },
	{ value: 'paid', name: 'Paid', description: 'PandaPon shows the order paid' },
	{
		value: 'shipped',
		name: 'Shipped by the Seller',
		description:
			'The seller shipped the goods (PandaPon’s logistics status changed, or the order shows as shipped)',
	},
	{
		value: 'received',
		name: 'Receipt Confirmed',
		description: 'The goods were confirmed as received',
	},
	{
		value: 'cancelled',
		name: 'Cancelled or Closed',
		description: 'The order was cancelled or closed (it now carries a close reason)',
	},
	{
		value: 'priceChanged',
		name: 'Price Changed',
		description: 'The order total changed, e.g. the seller changed the price or the shipping',
	},
	{
		value: 'refundChanged',
		name: 'Refund Changed',
		description: 'A refund was requested, or its state or amount changed',
	},
	{
		value: 'statusChanged',
		name: 'Any Status Change',
		description: 'Any change of the order, payment, refund or logistics state',
	},
] as const;

export type OrderEvent = (typeof EVENTS)[number]['value'];

const FIELDS = [
	'orderStatus',
	'payStatus',
	'refundStatus',
	'logisticsStatus',
	'totalAmount',
	'refundAmount',
	'closed',
] as const;

/** The events between two snapshots of one order, and the fields that changed (before → after). */
export function changesBetween(
	before: Snapshot,
	after: Snapshot,
): { events: OrderEvent[]; changes: IDataObject } {
	const changes: IDataObject = {};
	FIELDS.forEach((field, i) => {
		if (before[i] !== after[i]) changes[field] = { before: before[i], after: after[i] };
	});
	const became = (i: number, value: number) => before[i] !== value && after[i] === value;
	const events: OrderEvent[] = [];
	if (became(1, PAID)) events.push('paid');
	if (
		(before[3] === 0 && after[3] !== null && after[3] !== 0) ||
		became(0, ASSUMED_ORDER_STATUS.shipped)
	)
		events.push('shipped');
	if (became(0, ASSUMED_ORDER_STATUS.received)) events.push('received');
	if ((before[6] === 0 && after[6] === 1) || became(0, ASSUMED_ORDER_STATUS.cancelled))
		events.push('cancelled');
	if (before[4] !== after[4]) events.push('priceChanged');
	if (before[2] !== after[2] || before[5] !== after[5]) events.push('refundChanged');
	if ([0, 1, 2, 3].some((i) => before[i] !== after[i])) events.push('statusChanged');
	return { events, changes };
}
