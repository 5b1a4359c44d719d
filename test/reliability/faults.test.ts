/**
 * Fault matrix: every fault the local server can inject, against a read (retried with backoff, then a clear
 * NodeApiError) and against each call that changes orders or money (sent exactly once, counted by the server).
 * With continue-on-fail the error lands on the failing item only.
 */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../harness/local';
import type { Fault } from '../server/app';
import { ORDER_STATUS } from '../server/store';
import { ADDRESS, sampleLine } from '../orders/fixtures';

type Case = { name: string; fault: Omit<Fault, 'path'>; message: RegExp; retried: boolean };

const FAULTS: Case[] = [
	{ name: 'HTTP 503', fault: { kind: 'status', status: 503 }, message: /^PandaPon answered HTTP 503/, retried: true },
	{ name: 'HTTP 500', fault: { kind: 'status', status: 500 }, message: /^PandaPon answered HTTP 500/, retried: true },
	{ name: '429 with Retry-After', fault: { kind: 'rateLimit', retryAfter: '1' }, message: /^PandaPon answered HTTP 429 \(too many requests\)/, retried: true },
	{ name: '429 without Retry-After', fault: { kind: 'rateLimit' }, message: /^PandaPon answered HTTP 429 \(too many requests\)/, retried: true },
	{ name: 'timeout (no answer)', fault: { kind: 'hang' }, message: /^PandaPon did not answer within 1 s/, retried: true },
	{ name: 'connection reset', fault: { kind: 'reset' }, message: /^Could not reach PandaPon \(the connection failed or was cut\)/, retried: true },
	{ name: 'HTML gateway page', fault: { kind: 'html' }, message: /^PandaPon answered HTTP 502/, retried: true },
	{ name: 'malformed JSON', fault: { kind: 'malformed' }, message: /^PandaPon answered with something that is not a PandaPon JSON envelope/, retried: false },
	{ name: 'code ≠ 200', fault: { kind: 'code', code: 5001, msg: '系统繁忙 (busy)' }, message: /^PandaPon error 5001: 系统繁忙 \(busy\)/, retried: false },
];

describe('fault matrix', () => {
	const local = useLocalServer({ seedOrders: 300 }, { timeoutSeconds: 1 });
	const server = () => local.server;
	beforeEach(() => {
		server().clearFaults();
		server().resetStats();
		server().clockSkewMs = 0;
	});
	const unpaid = (skip = 0) => server().store.all().filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)[skip].tbOrderId;

	describe.each(FAULTS)('$name', ({ fault, message, retried }) => {
		it(`a read ${retried ? 'is retried with backoff (4 attempts), then fails clearly' : 'fails at once (an answer, not a transient fault)'}`, async () => {
			server().setFaults([{ ...fault, path: '/alibaba/order/detail', times: -1 }]);
			const started = Date.now();
			const result = await local.run({ resource: 'order', operation: 'get', orderId: unpaid() });
			expect(result.error?.message).toMatch(message);
			expect(result.error?.description ?? '').not.toContain(server().keys.accessSecret);
			expect(server().count('POST /alibaba/order/detail')).toBe(retried ? 4 : 1);
			if (retried) expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 300); // backoff happened (≥ 0.75 × 400 ms each)
		});

		it('a read that meets the fault once then succeeds returns the data', async () => {
			server().setFaults([{ ...fault, path: '/alibaba/order/detail', times: 1 }]);
			const result = await local.run({ resource: 'order', operation: 'get', orderId: unpaid() });
			if (retried) expect(result.error).toBeUndefined();
			else expect(result.error?.message).toMatch(message);
		});

		const writes: Array<[string, () => IDataObject, string]> = [
			['Create', () => ({ resource: 'order', operation: 'create', flow: 'general', addressMode: 'fields', address: { value: ADDRESS }, cargoMode: 'fields', cargo: { line: [sampleLine(1)] } }), 'POST /v2/alibaba/order/batch/create'],
			['Pay', () => ({ resource: 'order', operation: 'pay', orderIds: unpaid(1) }), 'POST /alibaba/order/batch/submit/to/pay'],
			['Cancel', () => ({ resource: 'order', operation: 'cancel', orderId: unpaid(2), cancelReason: 'buyerCancel' }), 'POST /v2/alibaba/order/cancel'],
			['Confirm Receipt', () => ({ resource: 'order', operation: 'confirmReceipt', orderId: server().store.all().find((o) => o.orderStatus === ORDER_STATUS.shipped)!.tbOrderId }), 'POST /alibaba/order/receivegoods'],
			['Cart Create Order', () => ({ resource: 'cart', operation: 'createOrder', cartIds: '1', flow: 'general', addressMode: 'fields', address: { value: ADDRESS } }), 'POST /alibaba/cart/create/order'],
			['1688 Refund Create', () => ({ resource: 'refund', operation: 'create', orderId: unpaid(), disputeRequest: 'refund', goodsStatus: 'refundWaitSellerSend', applyPayment: 1, applyCarriage: 0, applyReasonId: 20006, description: 'x' }), 'POST /v2/alibaba/refund/detail/create'],
			['Taobao Order Create', () => ({ resource: 'taobaoOrder', operation: 'create', orderLineList: '[{"itemId":"672991141190","quantity":"1"}]', receiver: '{"name":"z"}', purchaseAmount: 100000 }), 'POST /open/order'],
		];
		it.each(writes)('%s is sent exactly once, and the error says so', async (_name, params, route) => {
			const [method, path] = route.split(' ');
			server().setFaults([{ ...fault, method, path, times: -1 }]);
			const result = await local.run(params());
			expect(result.error?.message).toMatch(message);
			expect(server().count(route)).toBe(1);
		});
	});

	it('clock skew: a refused timestamp is reported with PandaPon’s message and not retried', async () => {
		server().clockSkewMs = 700_000;
		const result = await local.run({ resource: 'order', operation: 'get', orderId: unpaid() });
		expect(result.error?.message).toMatch(/^PandaPon error 401: timestamp 已过期 .*check the clock/);
		expect(server().count('POST /alibaba/order/detail')).toBe(1);
		server().clockSkewMs = 500_000; // within the ±600 s window
		expect((await local.run({ resource: 'order', operation: 'get', orderId: unpaid() })).error).toBeUndefined();
	});

	it('continue-on-fail: a failing item gets the error, the others their data, each paired with its input', async () => {
		const ids = [unpaid(0), unpaid(1), unpaid(2)];
		server().setFaults([{ path: '/alibaba/order/detail', kind: 'code', code: 5001, msg: 'busy', times: 1 }]);
		const result = await local.run(
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);
		const out = result.output();
		expect(out.map((o) => (o.json.error ? 'error' : String(o.json.idOfStr ?? (o.json.baseInfo as IDataObject)?.idOfStr)))).toEqual(['error', ids[1], ids[2]]);
		expect(out[0].json.error).toBe('PandaPon error 5001: busy');
		expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual([0, 1, 2]);
	});
});

describe('Requests in Parallel (bulk work)', () => {
	const local = useLocalServer({ seedOrders: 300 });

	it('sends one after another by default, and up to N at once when raised, output in input order', async () => {
		const unpaid = local.server.store.all().filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment).slice(0, 24).map((o) => o.tbOrderId);
		const run = async (ids: string[], concurrency?: number) => {
			local.server.resetStats();
			local.server.setFaults([{ path: '/v2/alibaba/order/cancel', kind: 'latency', delayMs: 30, times: -1 }]);
			const result = await local.run(
				{ resource: 'order', operation: 'cancel', orderId: '={{ $json.id }}', cancelReason: 'buyerCancel', ...(concurrency ? { concurrency } : {}) },
				{ items: ids.map((id) => ({ id })) },
			);
			local.server.clearFaults();
			return result;
		};
		const serial = await run(unpaid.slice(0, 12));
		expect(serial.output().map((o) => o.json.orderId)).toEqual(unpaid.slice(0, 12));
		expect(local.server.stats.peakInFlight).toBe(1);

		const parallel = await run(unpaid.slice(12), 4);
		expect(parallel.output().map((o) => o.json.orderId)).toEqual(unpaid.slice(12));
		expect(parallel.output().map((o) => (o.pairedItem as { item: number }).item)).toEqual([...Array(12).keys()]);
		expect(local.server.stats.peakInFlight).toBe(4);
		for (const id of unpaid) expect(local.server.store.get(id)!.orderStatus).toBe(ORDER_STATUS.cancelled);
	});

	it('Get Many runs its items in parallel when raised: each item gets its own orders, in input order', async () => {
		const ids = local.server.store.all().slice(0, 8).map((o) => o.tbOrderId);
		local.server.resetStats();
		local.server.setFaults([{ path: '/v2/alibaba/order/page', kind: 'latency', delayMs: 30, times: -1 }]);
		const result = await local.run(
			{ resource: 'order', operation: 'getAll', returnAll: false, limit: 5, filters: { tbOrderId: '={{ $json.id }}' }, simplify: false, concurrency: 4 },
			{ items: ids.map((id) => ({ id })) },
		);
		local.server.clearFaults();
		expect(result.error).toBeUndefined();
		expect(result.output().map((o) => o.json.tbOrderId)).toEqual(ids);
		expect(result.output().map((o) => (o.pairedItem as { item: number }).item)).toEqual([...Array(8).keys()]);
		expect(local.server.stats.peakInFlight).toBe(4);
	});

	it('in parallel, a failure stops new items from starting and names the first failing item', async () => {
		const ids = local.server.store.all().filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment).slice(0, 10).map((o) => o.tbOrderId);
		ids.splice(2, 0, '1'); // item 3 names an order that does not exist
		local.server.resetStats();
		const result = await local.run(
			{ resource: 'order', operation: 'cancel', orderId: '={{ $json.id }}', cancelReason: 'buyerCancel', concurrency: 2 },
			{ items: ids.map((id) => ({ id })) },
		);
		expect(result.error?.message).toMatch(/^PandaPon error/);
		expect(local.server.count('POST /v2/alibaba/order/cancel')).toBeLessThan(ids.length);
	});
});
