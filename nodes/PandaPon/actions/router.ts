/** Resource/operation → operation module; loops the items with continue-on-fail and paired items. */
import { createHash } from 'crypto';
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { ENDPOINTS, type EndpointName } from '../model/endpoints';
import { credentialData, inputErrorBeforeSending, readOnlyError } from '../transport/request';
import * as account from './account/Account.resource';
import * as address from './address/Address.resource';
import * as refund from './refund/Refund.resource';
import * as cart from './cart/Cart.resource';
import * as custom from './custom/Custom.resource';
import * as order from './order/Order.resource';
import * as product from './product/Product.resource';
import * as push from './push/Push.resource';
import * as taobaoRefund from './taobaoRefund/TaobaoRefund.resource';
import * as taobaoCart from './taobaoCart/TaobaoCart.resource';
import * as taobaoOrder from './taobaoOrder/TaobaoOrder.resource';
import * as taobaoProduct from './taobaoProduct/TaobaoProduct.resource';
import { isSettling } from './shared/unknownOutcome';

type Operation = {
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;
	/** The endpoint it calls (null: the custom call, whose path the user gives). */
	endpoint?: EndpointName | null;
	/** Its items are independent of each other: Options → Requests in Parallel may send several at once. */
	parallel?: boolean;
};

export const resources: Record<string, Record<string, Operation>> = {
	order: order.operations,
	product: product.operations,
	cart: cart.operations,
	refund: refund.operations,
	address: address.operations,
	taobaoProduct: taobaoProduct.operations,
	taobaoOrder: taobaoOrder.operations,
	taobaoCart: taobaoCart.operations,
	taobaoRefund: taobaoRefund.operations,
	custom: custom.operations,
	account: account.operations,
	push: push.operations,
};

/** The resources in the order the node lists them, with their operation selectors and fields. */
export const resourceDescriptions = [
	order.description,
	product.description,
	cart.description,
	refund.description,
	address.description,
	taobaoProduct.description,
	taobaoOrder.description,
	taobaoCart.description,
	taobaoRefund.description,
	custom.description,
	account.description,
	push.description,
];

/** What an empty answer is about, per resource, in the words of the item an AI agent gets ("No 1688 orders matched"). */
const NOTHING_FOUND: Record<string, string> = {
	order: '1688 orders',
	product: '1688 products',
	cart: '1688 cart lines',
	refund: '1688 refunds',
	address: 'addresses',
	taobaoProduct: 'Taobao items',
	taobaoOrder: 'Taobao orders',
	taobaoCart: 'Taobao cart lines',
	taobaoRefund: 'Taobao refunds',
	push: 'pushes',
};

/**
 * The safety settings a model must never set: a value that comes from $fromAI (the AI tool's "let the model define
 * this") refuses the whole run before anything is sent.
 */
const SAFETY_SETTINGS: Array<{ path: string[]; label: string }> = [
	{ path: ['options', 'maxOrderTotal'], label: 'Max Order Total (CNY)' },
	{ path: ['options', 'maxPayTotal'], label: 'Max Total to Pay (CNY)' },
	{ path: ['budgetYuan'], label: 'Budget (CNY)' },
	{ path: ['useUnverifiedEndpoint'], label: 'Use Unverified Endpoint' },
	{ path: ['idempotent'], label: 'Safe to Repeat' },
];

function assertNotFromModel(ctx: IExecuteFunctions): void {
	const parameters = ctx.getNode().parameters as Record<string, unknown>;
	for (const { path, label } of SAFETY_SETTINGS) {
		const value = path.reduce<unknown>(
			(at, key) =>
				at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
			parameters,
		);
		if (typeof value === 'string' && /\$fromAI\s*\(/i.test(value)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Not sent: ${label} is left to the AI model ($fromAI), and a safety setting cannot be left to the model. Set it to a fixed value in this node.`,
				{
					description:
						'Nothing was sent to PandaPon. The model may fill the order details; the spending limits, Use Unverified Endpoint and Safe to Repeat are yours.',
				},
			);
		}
	}
}

/** What a write did, in the words of the summary of a run that stopped ("Items 1–2 were ordered"). */
function doneVerb(endpoint: EndpointName | null | undefined): { done: string; again: string } {
	const name = endpoint ?? '';
	if (/Create/.test(name)) return { done: 'ordered', again: 'order' };
	if (/Pay$/.test(name)) return { done: 'paid', again: 'pay' };
	if (/Cancel$/.test(name)) return { done: 'cancelled', again: 'cancel' };
	if (name === 'orderReceiveGoods') return { done: 'confirmed as received', again: 'confirm' };
	return { done: 'sent', again: 'send' };
}

/** "1–3", "1, 3": one-based item numbers. */
function itemList(indexes: number[]): string {
	const n = indexes.map((i) => i + 1).sort((a, b) => a - b);
	const contiguous = n.every((v, i) => i === 0 || v === n[i - 1] + 1);
	return contiguous && n.length > 2 ? `${n[0]}–${n[n.length - 1]}` : n.join(', ');
}

/** The ids a done write item reports (order IDs first), for the summary. */
function reportedIds(items: INodeExecutionData[] | undefined): string[] {
	const ids: string[] = [];
	for (const item of items ?? []) {
		const json = item.json ?? {};
		const value =
			json.orderId ?? json.tbOrderId ?? json.orderIds ?? json.refundId ?? json.id ?? json.cartId;
		for (const id of Array.isArray(value) ? value : [value])
			if (id !== undefined && id !== null && id !== '') ids.push(String(id));
	}
	return ids;
}

/**
 * Writes that went through in this execution, by node and item, so that n8n's Retry On Fail (which runs the node
 * again in the same execution) returns them as they were instead of sending them again. Kept only when the run
 * failed (a run that succeeds is not retried), and bounded: the newest executions only, and only for an hour.
 */
const DONE_WRITES = new Map<
	string,
	{ at: number; items: Map<number, { fingerprint: string; output: INodeExecutionData[] }> }
>();
const DONE_WRITES_MAX = 200;
const DONE_WRITES_TTL_MS = 3600_000;

function doneWrites(ctx: IExecuteFunctions) {
	const executionId = ctx.getExecutionId?.();
	if (!executionId) return undefined;
	const now = Date.now();
	for (const [key, entry] of DONE_WRITES)
		if (now - entry.at > DONE_WRITES_TTL_MS || DONE_WRITES.size > DONE_WRITES_MAX)
			DONE_WRITES.delete(key);
	const key = doneWritesKey(ctx, executionId);
	let entry = DONE_WRITES.get(key);
	if (!entry) {
		entry = { at: now, items: new Map() };
		DONE_WRITES.set(key, entry);
	}
	return entry.items;
}

const doneWritesKey = (ctx: IExecuteFunctions, executionId: string) =>
	`${executionId}\u0000${ctx.getNode().name}`;

function forgetDoneWrites(ctx: IExecuteFunctions): void {
	const executionId = ctx.getExecutionId?.();
	if (executionId) DONE_WRITES.delete(doneWritesKey(ctx, executionId));
}

/** The item and the node's settings as they are now: a retry with the same fingerprint is the same write. */
function fingerprint(item: INodeExecutionData | undefined, settings: string): string {
	return createHash('sha256')
		.update(JSON.stringify(item?.json ?? null))
		.update(settings)
		.digest('hex');
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	let failure: { itemIndex: number; error: unknown } | undefined;

	// Resource and operation take no expressions (noDataExpression), so they are the same for every item.
	const resource = items.length ? (this.getNodeParameter('resource', 0) as string) : '';
	const operation = items.length ? (this.getNodeParameter('operation', 0) as string) : '';
	const handler = resources[resource]?.[operation];
	if (items.length) assertNotFromModel(this);
	// A Read Only credential: every write of this node refuses before any item is read or sent.
	const writes = handler?.endpoint ? ENDPOINTS[handler.endpoint].access === 'write' : false;
	const readOnly =
		writes && items.length ? (await credentialData(this)).access === 'readOnly' : false;
	// The custom call may write too: its items are remembered and summarised like a write's.
	const mayWrite = writes || handler?.endpoint === null;
	const remembered = mayWrite ? doneWrites(this) : undefined;
	// The node's settings are the same for every item: written out once for the items' fingerprints.
	const settings = remembered ? JSON.stringify(this.getNode().parameters) : '';

	// Each item's fingerprint, once: the check before sending and the send both ask whether it went through already.
	const prints = remembered ? items.map((item) => fingerprint(item, settings)) : [];
	/** What this item gave when it was sent earlier in this execution (n8n's Retry On Fail), if it was. */
	const sentEarlier = (itemIndex: number) => {
		const earlier = remembered?.get(itemIndex);
		return earlier && earlier.fingerprint === prints[itemIndex] ? earlier.output : undefined;
	};

	const runItem = async (itemIndex: number) => {
		try {
			if (!handler) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" of "${resource}" is not supported`,
					{
						itemIndex,
					},
				);
			}
			if (readOnly) {
				const { method, path } = ENDPOINTS[handler.endpoint!];
				throw readOnlyError(this, `${method} ${path}`, itemIndex);
			}
			const earlier = sentEarlier(itemIndex);
			if (earlier) {
				// Already sent in this execution (n8n's Retry On Fail ran the node again): not sent twice.
				results[itemIndex] = earlier.map((item) => ({
					...item,
					json: { ...item.json, alreadySentInThisExecution: true },
				}));
				return;
			}
			results[itemIndex] = await handler.execute.call(this, itemIndex);
			remembered?.set(itemIndex, { fingerprint: prints[itemIndex], output: results[itemIndex] });
		} catch (error) {
			if (this.continueOnFail()) {
				const e = asNodeError(this, error, itemIndex, false);
				const { outcome, orderIds, candidateOrderIds } = e.context as {
					outcome?: string;
					orderIds?: string[];
					candidateOrderIds?: string[];
				};
				results[itemIndex] = [
					{
						json: {
							error: e.message,
							...(e.description ? { errorDescription: e.description } : {}),
							...(outcome ? { outcome } : {}),
							...(orderIds ? { orderIds } : {}),
							...(candidateOrderIds ? { candidateOrderIds } : {}),
						},
						pairedItem: { item: itemIndex },
					},
				];
				return;
			}
			if (!failure || itemIndex < failure.itemIndex) failure = { itemIndex, error };
		}
	};

	// A write of several items: every item's input is read and checked before the first is sent, so bad input in
	// item 3 stops the run with nothing sent, instead of after items 1 and 2 went through. (With Continue On Fail
	// each item gets its own result, so each is checked as it is sent.)
	if (mayWrite && handler && !readOnly && items.length > 1 && !this.continueOnFail()) {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			if (sentEarlier(itemIndex)) continue;
			const refused = await inputErrorBeforeSending(
				this,
				async () => await handler.execute.call(this, itemIndex),
			);
			if (refused !== undefined) {
				const e = asNodeError(this, refused, itemIndex);
				e.message = `${e.message.replace(/\.?$/, '.')} Nothing was sent for any of the ${items.length} items: each is checked before the first is sent.`;
				throw e;
			}
		}
	}

	// Bounded parallelism, off by default: items are sent one after another unless the user raises it.
	const parallel = handler?.parallel
		? Math.max(
				1,
				Math.min(10, Math.floor(Number(this.getNodeParameter('options.concurrency', 0, 1)) || 1)),
			)
		: 1;
	let next = 0;
	// A write whose outcome is being settled fails the run unless Continue On Fail: no new item starts meanwhile.
	const stopping = () => !!failure || (!this.continueOnFail() && isSettling(this));
	const worker = async () => {
		while (next < items.length && !stopping()) await runItem(next++);
	};
	await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));

	if (!failure) {
		if (remembered) forgetDoneWrites(this);
		const output = results.flat();
		// An AI agent is handed "" for a tool that returns no items: it gets one item that says nothing matched.
		if (!output.length && items.length && /Tool$/.test(this.getNode().type)) {
			const noun = NOTHING_FOUND[resource] ?? 'results';
			return [[{ json: { count: 0, message: `No ${noun} matched` }, pairedItem: { item: 0 } }]];
		}
		return [output];
	}
	const error = asNodeError(this, failure.error, failure.itemIndex);
	const done = results.flatMap((out, index) =>
		out && index !== failure!.itemIndex ? [index] : [],
	);
	if (mayWrite && done.length) {
		// The items that went through before the stop are not lost: the message names them and their ids.
		const verb = doneVerb(handler?.endpoint);
		const ids = done.flatMap((index) => reportedIds(results[index]));
		const which = `${done.length > 1 ? 'Items' : 'Item'} ${itemList(done)}`;
		const reason = error.message.replace(/^Item \d+: /, '').replace(/\.?$/, '.');
		error.message = `${which} ${done.length > 1 ? 'were' : 'was'} ${verb.done}${ids.length ? ` (${ids.join(', ')})` : ''}; item ${failure.itemIndex + 1} failed: ${reason} Running this node again would ${verb.again} ${which.toLowerCase()} again: remove ${done.length > 1 ? 'them' : 'it'} from the input first, or turn on Continue On Fail to get each item's own result.`;
		error.context.doneItems = done.map((index) => index + 1);
		error.context.doneIds = ids;
	}
	throw error;
}

/**
 * Our own errors pass through with the item index, and their message starts with it ("Item 2: …"), API errors
 * included; anything else is wrapped so n8n shows it properly.
 */
function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	prefix = true,
): NodeApiError | NodeOperationError {
	const wrapped =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(
					ctx.getNode(),
					`The node failed unexpectedly (${(error as Error)?.message ?? 'no message'})`,
					{
						itemIndex,
						description:
							'This is a bug of n8n-nodes-pandapon: please report it with the operation you used.',
					},
				);
	if (wrapped.context.itemIndex === undefined) wrapped.context.itemIndex = itemIndex;
	const index = Number(wrapped.context.itemIndex);
	if (prefix && !/^Item \d+: /.test(wrapped.message))
		wrapped.message = `Item ${index + 1}: ${wrapped.message}`;
	return wrapped;
}
