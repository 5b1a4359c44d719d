/**
 * Fault matrix: every fault the local server can inject, against a read (retried with backoff, then a clear
 * NodeApiError) and against each call that changes orders or money (sent exactly once, counted by the server).
 * With continue-on-fail the error lands on the failing item only.
 */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../support/localServer';
import type { Fault } from '../../packages/local-server/src/app';
import { ORDER_STATUS } from '../../packages/local-server/src/store';
import { ADDRESS, sampleLine } from '../support/orderFixtures';

/** unknown: the answer was lost, so a write may have taken effect (its message must say so). */
type Case = {
	name: string;
	fault: Omit<Fault, 'path'>;
	message: RegExp;
	retried: boolean;
	unknown: boolean;
};

const FAULTS: Case[] = [
	{
		name: 'HTTP 503',
		fault: { kind: 'status', status: 503 },
		message: /^Item 1: PandaPon answered HTTP 503/,
		retried: true,
		unknown: true,
	},
	{
		name: 'HTTP 500',
		fault: { kind: 'status', status: 500 },
		message: /^Item 1: PandaPon answered HTTP 500/,
		retried: true,
		unknown: true,
	},
	{
		name: '429 with Retry-After',
		fault: { kind: 'rateLimit', retryAfter: '1' },
		message: /^Item 1: PandaPon answered HTTP 429 \(too many requests\)/,
		retried: true,
		unknown: false,
	},
	{
		name: '429 without Retry-After',
		fault: { kind: 'rateLimit' },
		message: /^Item 1: PandaPon answered HTTP 429 \(too many requests\)/,
		retried: true,
		unknown: false,
	},
	{
		name: 'timeout (no answer)',
		fault: { kind: 'hang' },
		message: /^Item 1: PandaPon did not answer within 1 s/,
		retried: true,
		unknown: true,
	},
	{
		name: 'connection reset',
		fault: { kind: 'reset' },
		message: /^Item 1: Could not reach PandaPon \(the connection failed or was cut\)/,
		retried: true,
		unknown: true,
	},
	{
		name: 'HTML gateway page',
		fault: { kind: 'html' },
		message: /^Item 1: PandaPon answered HTTP 502/,
		retried: true,
		unknown: true,
	},
	{
		name: 'malformed JSON',
		fault: { kind: 'malformed' },
		message: /^Item 1: PandaPon answered with something that is not a PandaPon JSON envelope/,
		retried: false,
		unknown: true,
	},
	// PandaPon publishes no code table: a 4xx code is a refusal, any other (500 系统繁忙) leaves a write's outcome open.
	{
		name: 'code 5001 系统繁忙',
		fault: { kind: 'code', code: 5001, msg: '系统繁忙 (busy)' },
		message: /^Item 1: PandaPon error 5001: 系统繁忙 \(busy\)/,
		retried: false,
		unknown: true,
	},
	{
		name: 'code 400 (a refusal)',
		fault: { kind: 'code', code: 400, msg: '参数错误 (bad parameter)' },
		message: /^Item 1: PandaPon error 400: 参数错误 \(bad parameter\)/,
		retried: false,
		unknown: false,
	},
];

describe('fault matrix', () => {
	const local = useLocalServer({ seedOrders: 300 }, { timeoutSeconds: 1 });
	const server = () => local.server;
	beforeEach(() => {
		server().clearFaults();
		server().resetStats();
		server().clockSkewMs = 0;
	});
	const unpaid = (skip = 0) =>
		server()
			.store.all()
			.filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)[skip].tbOrderId;

	describe.each(FAULTS)('$name', ({ fault, message, retried, unknown }) => {
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

		// [name, parameters, route, what the message tells to check before trying again (null: the node checks itself)]
		const writes: Array<[string, () => IDataObject, string, string | null]> = [
			[
				'Create',
				() => ({
					resource: 'order',
					operation: 'create',
					flow: 'general',
					addressMode: 'fields',
					address: { value: ADDRESS },
					cargoMode: 'fields',
					cargo: { line: [sampleLine(1)] },
				}),
				'POST /v2/alibaba/order/batch/create',
				null,
			],
			[
				'Pay',
				() => ({ resource: 'order', operation: 'pay', orderIds: unpaid(1) }),
				'POST /alibaba/order/batch/submit/to/pay',
				null,
			],
			[
				'Cancel',
				() => ({
					resource: 'order',
					operation: 'cancel',
					orderId: unpaid(2),
					cancelReason: 'buyerCancel',
				}),
				'POST /v2/alibaba/order/cancel',
				null,
			],
			[
				'Confirm Receipt',
				() => ({
					resource: 'order',
					operation: 'confirmReceipt',
					orderId: server()
						.store.all()
						.find((o) => o.orderStatus === ORDER_STATUS.shipped)!.tbOrderId,
				}),
				'POST /alibaba/order/receivegoods',
				null,
			],
			[
				'Cart Create Order',
				() => ({
					resource: 'cart',
					operation: 'createOrder',
					cartIds: '1',
					flow: 'general',
					addressMode: 'fields',
					address: { value: ADDRESS },
				}),
				'POST /alibaba/cart/create/order',
				null,
			],
			[
				'1688 Refund Create',
				() => ({
					resource: 'refund',
					operation: 'create',
					orderId: unpaid(),
					disputeRequest: 'refund',
					goodsStatus: 'refundWaitSellerSend',
					applyPayment: 1,
					applyCarriage: 0,
					applyReasonId: 20006,
					description: 'x',
				}),
				'POST /v2/alibaba/refund/detail/create',
				'the refund (1688 After-Sale → Get) and the order list (1688 Order → Get Many)',
			],
			[
				'Taobao Cart Create Order',
				() => ({
					resource: 'taobaoCart',
					operation: 'createOrder',
					ids: '1',
					orderAddress: {
						value: {
							name: 'z',
							mobile_phone: '1',
							country: '中国',
							state: '浙江省',
							city: '杭州市',
							address: 'x',
						},
					},
				}),
				'POST /open/cart/create/order',
				'the Taobao cart (Taobao Cart → Get Many) and your Taobao orders',
			],
			[
				'Address Create or Update',
				() => ({
					resource: 'address',
					operation: 'upsert',
					name: 'z',
					province: '浙江省',
					city: '杭州市',
					district: '西湖区',
					address: 'x',
					phone: '18600888861',
				}),
				'POST /v2/open/address/addOrUpdate',
				'the address book (Address Book → Get Many)',
			],
			[
				'Taobao Order Create',
				() => ({
					resource: 'taobaoOrder',
					operation: 'create',
					orderLinesInput: 'json',
					receiverInput: 'json',
					orderLineList: '[{"itemId":"672991141190","quantity":"1"}]',
					receiver:
						'{"name":"z","mobile_phone":"1","country":"中国","state":"浙江省","city":"杭州市","address":"x"}',
					budgetYuan: 1000,
				}),
				'POST /open/order',
				'the Taobao order (Taobao Order → Get)',
			],
		];
		it.each(writes)(
			`%s is sent exactly once, and the message says ${unknown ? 'what a check with PandaPon found, or that it may have gone through and what to check' : 'what PandaPon answered (a refusal)'}`,
			async (_name, params, route, check) => {
				const [method, path] = route.split(' ');
				server().setFaults([{ ...fault, method, path, times: -1 }]);
				const result = await local.run(params());
				expect(result.error?.message).toMatch(message);
				expect(server().count(route)).toBe(1);
				if (!unknown)
					expect(result.error?.message).not.toMatch(
						/may have reached PandaPon|checked with PandaPon/,
					);
				else if (check)
					expect(
						result.error?.message.endsWith(
							` This request may have reached PandaPon and taken effect; it was not repeated. Before trying again, check ${check}.`,
						),
					).toBe(true);
				// The fault dropped the write, but a write can land after its answer is lost: the reads cannot
				// prove it did not, so the node never calls a re-send safe here.
				else {
					expect(result.error?.message).toMatch(
						/ it was not repeated, and a check with PandaPon could not tell \(.+; read \d times over \d+ s\)\. Do not send it again before you check /,
					);
					expect(result.error?.message).not.toMatch(/safe/);
				}
			},
		);

		it('a read that fails this way says nothing about taking effect (it changes nothing)', async () => {
			server().setFaults([{ ...fault, path: '/v2/alibaba/order/page', times: -1 }]);
			const result = await local.run({ resource: 'order', operation: 'getAll', limit: 1 });
			expect(result.error?.message).toMatch(message);
			expect(result.error?.message).not.toContain('may have reached PandaPon');
		});
	});

	it('clock skew: a refused timestamp is reported with PandaPon’s message and not retried', async () => {
		server().clockSkewMs = 700_000;
		const result = await local.run({ resource: 'order', operation: 'get', orderId: unpaid() });
		expect(result.error?.message).toMatch(
			/^Item 1: PandaPon error 401: timestamp 已过期 .*check the clock/,
		);
		expect(server().count('POST /alibaba/order/detail')).toBe(1);
		server().clockSkewMs = 500_000; // within the ±600 s window
		expect(
			(await local.run({ resource: 'order', operation: 'get', orderId: unpaid() })).error,
		).toBeUndefined();
	});

	it('continue-on-fail: a failing item gets the error, the others their data, each paired with its input', async () => {
		const ids = [unpaid(0), unpaid(1), unpaid(2)];
		server().setFaults([
			{ path: '/alibaba/order/detail', kind: 'code', code: 5001, msg: 'busy', times: 1 },
		]);
		const result = await local.run(
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);
		const out = result.output();
		expect(out.map((o) => (o.json.error ? 'error' : String(o.json.orderId)))).toEqual([
			'error',
			ids[1],
			ids[2],
		]);
		expect(out[0].json.error).toBe('PandaPon error 5001: busy');
		expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual([0, 1, 2]);
	});
});

describe('Requests in Parallel (bulk work)', () => {
	const local = useLocalServer({ seedOrders: 300 });

	it('sends one after another by default, and up to N at once when raised, output in input order', async () => {
		const unpaid = local.server.store
			.all()
			.filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)
			.slice(0, 24)
			.map((o) => o.tbOrderId);
		const run = async (ids: string[], concurrency?: number) => {
			local.server.resetStats();
			local.server.setFaults([
				{ path: '/v2/alibaba/order/cancel', kind: 'latency', delayMs: 30, times: -1 },
			]);
			const result = await local.run(
				{
					resource: 'order',
					operation: 'cancel',
					orderId: '={{ $json.id }}',
					cancelReason: 'buyerCancel',
					...(concurrency ? { options: { concurrency } } : {}),
				},
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
		expect(parallel.output().map((o) => (o.pairedItem as { item: number }).item)).toEqual([
			...Array(12).keys(),
		]);
		expect(local.server.stats.peakInFlight).toBe(4);
		for (const id of unpaid)
			expect(local.server.store.get(id)!.orderStatus).toBe(ORDER_STATUS.cancelled);
	});

	it('Get Many runs its items in parallel when raised: each item gets its own orders, in input order', async () => {
		const ids = local.server.store
			.all()
			.slice(0, 8)
			.map((o) => o.tbOrderId);
		local.server.resetStats();
		local.server.setFaults([
			{ path: '/v2/alibaba/order/page', kind: 'latency', delayMs: 30, times: -1 },
		]);
		const result = await local.run(
			{
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { tbOrderId: '={{ $json.id }}' },
				simplify: false,
				options: { concurrency: 4 },
			},
			{ items: ids.map((id) => ({ id })) },
		);
		local.server.clearFaults();
		expect(result.error).toBeUndefined();
		expect(result.output().map((o) => o.json.tbOrderId)).toEqual(ids);
		expect(result.output().map((o) => (o.pairedItem as { item: number }).item)).toEqual([
			...Array(8).keys(),
		]);
		expect(local.server.stats.peakInFlight).toBe(4);
	});

	it('in parallel, a failure stops new items from starting and names the first failing item', async () => {
		const ids = local.server.store
			.all()
			.filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)
			.slice(0, 10)
			.map((o) => o.tbOrderId);
		ids.splice(2, 0, '1'); // item 3 names an order that does not exist
		local.server.resetStats();
		const result = await local.run(
			{
				resource: 'order',
				operation: 'cancel',
				orderId: '={{ $json.id }}',
				cancelReason: 'buyerCancel',
				options: { concurrency: 2 },
			},
			// A 1 s timeout: item 3's outcome is settled over 1 s + 2 s of reads.
			{
				items: ids.map((id) => ({ id })),
				credentials: { ...local.credentials, timeoutSeconds: 1 },
			},
		);
		// Items 1–2 (and those sent beside item 3 while it failed) went through: the message names them and their ids.
		const message = result.error?.message ?? '';
		expect(message).toMatch(
			/^Items 1, 2(, \d+)* were cancelled \(\d{19}(, \d{19})+\); item 3 failed: PandaPon error .* Running this node again would cancel items 1, 2(, \d+)* again/,
		);
		const done = message
			.match(/^Items ([\d, ]+) were/)![1]
			.split(', ')
			.map(Number);
		const cancelled = ids.filter(
			(id) => id !== '1' && local.server.store.get(id)!.orderStatus === ORDER_STATUS.cancelled,
		).length;
		expect(done).toHaveLength(cancelled);
		expect(local.server.count('POST /v2/alibaba/order/cancel')).toBeLessThan(ids.length);
	});
});
