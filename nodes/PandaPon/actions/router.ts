/**
 * Resource/operation → operation module; runs the items in phases: the guards (safety settings not left to a model,
 * Read Only), the check of every item before a write of several is sent, the items (in order, or a few at once when
 * the operation allows), then the output or the stop's summary. Continue On Fail and paired items throughout.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { isReadOnlyCredential } from '../model/access';
import { ENDPOINTS, type EndpointName } from '../model/endpoints';
import { safetySettings } from '../model/safety';
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
import { asNodeError, errorItem } from './shared/itemErrors';
import { retryMemory, type RetryMemory } from './shared/retryMemory';
import { assertNotFromModel } from './shared/safetyGuard';
import { summariseStop } from './shared/stopSummary';
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

/** Every safety setting of the node's operations, collected from their marks (model/safety.ts). */
export const SAFETY_SETTINGS = safetySettings(resourceDescriptions.flat());
/** The same settings once per parameter path (18 places, 5 paths): what the guard reads on each run. */
const GUARDED = [...new Map(SAFETY_SETTINGS.map((s) => [s.path.join('.'), s])).values()];

/** What is the same for every item of one node run. */
interface Run {
	resource: string;
	operation: string;
	handler?: Operation;
	/** The operation writes and the credential is Read Only: every item refuses before anything is read or sent. */
	readOnly: boolean;
	/** The operation writes, or may (the custom call): items are remembered and summarised like a write's. */
	mayWrite: boolean;
	memory?: RetryMemory;
}

interface Failure {
	itemIndex: number;
	error: unknown;
}

/** Resource and operation take no expressions (noDataExpression), so they are the same for every item. */
async function planRun(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<Run> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	assertNotFromModel(ctx, GUARDED);
	const writes = handler?.endpoint ? ENDPOINTS[handler.endpoint].access === 'write' : false;
	const readOnly = writes && isReadOnlyCredential(await credentialData(ctx));
	const mayWrite = writes || handler?.endpoint === null;
	return {
		resource,
		operation,
		handler,
		readOnly,
		mayWrite,
		memory: mayWrite ? retryMemory(ctx, items) : undefined,
	};
}

/** One item: refused by the guards, returned as it was (Retry On Fail), or sent. */
async function itemOutput(
	ctx: IExecuteFunctions,
	run: Run,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { handler } = run;
	if (!handler) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${run.operation}" of "${run.resource}" is not supported`,
			{ itemIndex },
		);
	}
	if (run.readOnly) {
		const { method, path } = ENDPOINTS[handler.endpoint!];
		throw readOnlyError(ctx, `${method} ${path}`, itemIndex);
	}
	const earlier = run.memory?.sentEarlier(itemIndex);
	// Already sent in this execution (n8n's Retry On Fail ran the node again): not sent twice.
	if (earlier)
		return earlier.map((item) => ({
			...item,
			json: { ...item.json, alreadySentInThisExecution: true },
		}));
	const output = await handler.execute.call(ctx, itemIndex);
	run.memory?.remember(itemIndex, output);
	return output;
}

/**
 * A write of several items: every item's input is read and checked before the first is sent, so bad input in item 3
 * stops the run with nothing sent, instead of after items 1 and 2 went through. (With Continue On Fail each item
 * gets its own result, so each is checked as it is sent.)
 */
async function checkEveryItemFirst(ctx: IExecuteFunctions, run: Run, count: number): Promise<void> {
	const { handler } = run;
	if (!run.mayWrite || !handler || run.readOnly || count < 2 || ctx.continueOnFail()) return;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		if (run.memory?.sentEarlier(itemIndex)) continue;
		const refused = await inputErrorBeforeSending(
			ctx,
			async () => await handler.execute.call(ctx, itemIndex),
		);
		if (refused === undefined) continue;
		const e = asNodeError(ctx, refused, itemIndex);
		e.message = `${e.message.replace(/\.?$/, '.')} Nothing was sent for any of the ${count} items: each is checked before the first is sent.`;
		throw e;
	}
}

/** Bounded parallelism, off by default: items are sent one after another unless the user raises it. */
function parallelism(ctx: IExecuteFunctions, run: Run, count: number): number {
	if (!run.handler?.parallel) return 1;
	const asked = Math.floor(Number(ctx.getNodeParameter('options.concurrency', 0, 1)) || 1);
	return Math.min(Math.max(1, Math.min(10, asked)), count);
}

/**
 * Runs the items into `results`; returns the first item's failure (the run stops) unless Continue On Fail puts each
 * error on its item. A write whose outcome is being settled fails the run unless Continue On Fail: no new item
 * starts meanwhile.
 */
async function runItems(
	ctx: IExecuteFunctions,
	run: Run,
	results: INodeExecutionData[][],
): Promise<Failure | undefined> {
	let failure: Failure | undefined;
	let next = 0;
	const runOne = async (itemIndex: number) => {
		try {
			results[itemIndex] = await itemOutput(ctx, run, itemIndex);
		} catch (error) {
			if (ctx.continueOnFail()) results[itemIndex] = [errorItem(ctx, error, itemIndex)];
			else if (!failure || itemIndex < failure.itemIndex) failure = { itemIndex, error };
		}
	};
	const stopping = () => !!failure || (!ctx.continueOnFail() && isSettling(ctx));
	const worker = async () => {
		while (next < results.length && !stopping()) await runOne(next++);
	};
	const workers = parallelism(ctx, run, results.length);
	await Promise.all(Array.from({ length: workers }, worker));
	return failure;
}

/** The output of a run that did not stop. An AI agent is handed "" for a tool that returns no items: it gets one. */
function output(ctx: IExecuteFunctions, run: Run, results: INodeExecutionData[][]) {
	run.memory?.forget();
	const all = results.flat();
	if (all.length || !/Tool$/.test(ctx.getNode().type)) return [all];
	const noun = NOTHING_FOUND[run.resource] ?? 'results';
	return [[{ json: { count: 0, message: `No ${noun} matched` }, pairedItem: { item: 0 } }]];
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (!items.length) return [[]];
	const run = await planRun(this, items);
	await checkEveryItemFirst(this, run, items.length);
	const results: INodeExecutionData[][] = new Array(items.length);
	const failure = await runItems(this, run, results);
	if (!failure) return output(this, run, results);
	const error = asNodeError(this, failure.error, failure.itemIndex);
	if (run.mayWrite) summariseStop(error, results, failure.itemIndex, run.handler?.endpoint);
	throw error;
}
