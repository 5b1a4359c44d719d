/**
 * Verdicts against the truth. Every way a settled write's outcome can be hidden (a write applied after its answer
 * was lost, a lagging list, a page cap, a list sorted by update time, PandaPon's clock off by up to 10 minutes) and
 * every way another order can look like ours (an identical order placed earlier, another workflow's at the same time,
 * another order to the same receiver, two identical runs at once), run through n8n's engine against the local server.
 * The server's store, once every late write has landed, is the truth. The push side: forged and replayed claims
 * against Confirm With PandaPon, and authentic pushes under Do Not Start (a lagging list, a flood, ten at once); then
 * the caps after the fact and the poller's odd snapshots. The closing table prints verdict against truth for each.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../nodes/PandaPon/model/endpoints';
import { signPush } from '../../nodes/PandaPon/model/pushSignature';
import { startServer, type Fault, type PandaPonServer } from '../../packages/local-server/src/app';
import { CallbackPusher } from '../../packages/local-server/src/callbacks';
import { stateOf, type CartLine } from '../../packages/local-server/src/routes/state';
import {
	ORDER_STATUS,
	PAY_STATUS,
	totalAmountFen,
	type Order,
} from '../../packages/local-server/src/store';
import { EVENTS as ORDER_EVENTS } from '../../nodes/PandaPon/trigger/orderChanges';
import { runPoll } from '../../tools/engine';
import { credentialsOf, useLocalServer } from '../support/localServer';
import {
	ADDRESS,
	TAOBAO_RECEIVER,
	orderParams,
	otherSellerLine,
	sampleLine,
} from '../support/orderFixtures';
import { useWebhookHosts } from '../support/webhookHost';

type Verdict = 'went through' | 'did not go through' | 'could not tell';
interface Row {
	group: string;
	name: string;
	truth: string;
	verdict: string;
	wrong: boolean;
}
const rows: Row[] = [];
afterAll(() => {
	const falseNot = rows.filter((r) => r.truth === 'applied' && r.verdict === 'did not go through');
	const falseWent = rows.filter((r) => r.truth === 'not applied' && r.verdict === 'went through');
	console.log(
		[
			'| group | case | truth | verdict | right |',
			'| --- | --- | --- | --- | --- |',
			...rows.map(
				(r) => `| ${r.group} | ${r.name} | ${r.truth} | ${r.verdict} | ${r.wrong ? 'NO' : 'yes'} |`,
			),
			'',
			`cases ${rows.length}; false "did not go through" ${falseNot.length}; false "went through" ${falseWent.length}; ` +
				`forged pushes confirmed ${rows.filter((r) => r.group === 'forged push' && r.verdict === 'confirmed: true').length}; ` +
				`authentic pushes lost ${rows.filter((r) => r.group === 'authentic push' && r.wrong).length}`,
		].join('\n'),
	);
});

/** Records a write's verdict against the truth; a wrong one fails the test as well. */
function record(group: string, name: string, applied: boolean, verdict: unknown): void {
	const v = String(verdict) as Verdict;
	const wrong =
		(applied && v === 'did not go through') ||
		(!applied && v === 'went through') ||
		!['went through', 'did not go through', 'could not tell'].includes(v);
	rows.push({ group, name, truth: applied ? 'applied' : 'not applied', verdict: v, wrong });
	expect({ name, applied, verdict: v, wrong }).toEqual({ name, applied, verdict: v, wrong: false });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('verdicts of the settling reads', () => {
	// A 1 s request timeout: the settling window is 1 s + 2 s, read 4 times.
	const local = useLocalServer({ seedOrders: 120 }, { timeoutSeconds: 1 });
	const server = () => local.server;
	beforeEach(() => {
		server().clearFaults();
		server().resetStats();
		server().store.listLagMs = 0;
		server().store.listOrder = 'created';
		server().store.maxPageSize = undefined;
		server().store.clockSkewMs = 0;
	});

	let receivers = 0;
	/** A receiver of its own per case, so no case's orders fit another's. */
	const receiver = () => ({ ...ADDRESS, fullName: `verdict-${++receivers}` });
	const unpaid = (address = ADDRESS) =>
		server().store.create({
			flow: 'general',
			address: address as never,
			cargo: [sampleLine(1)] as never,
		}).tbOrderId;
	const shipped = () => {
		const id = unpaid();
		server().store.pay(id);
		server().store.ship(id);
		return id;
	};
	const cartLine = () => {
		const state = stateOf(server().store);
		const id = state.nextCartId++;
		state.cart.push({
			...(sampleLine(1) as unknown as CartLine),
			id,
			productNo: '',
			container: '',
		});
		return String(id);
	};

	/** A settled write: its parameters for a fresh target, its path, and whether the store shows it applied. */
	interface Write {
		name: string;
		path: string;
		prepare(): { params: IDataObject; applied(): boolean };
	}
	const created = (before: number) => () => server().store.size > before;
	const WRITES: Write[] = [
		{
			name: 'Cancel',
			path: ENDPOINTS.orderCancel.path,
			prepare() {
				const id = unpaid();
				return {
					params: { resource: 'order', operation: 'cancel', orderId: id, cancelReason: 'x' },
					applied: () => server().store.get(id)!.orderStatus === ORDER_STATUS.cancelled,
				};
			},
		},
		{
			name: 'Pay',
			path: ENDPOINTS.orderPay.path,
			prepare() {
				const id = unpaid();
				return {
					params: { resource: 'order', operation: 'pay', orderIds: id },
					applied: () => server().store.get(id)!.payStatus === PAY_STATUS.paid,
				};
			},
		},
		{
			name: 'Confirm Receipt',
			path: ENDPOINTS.orderReceiveGoods.path,
			prepare() {
				const id = shipped();
				return {
					params: { resource: 'order', operation: 'confirmReceipt', orderId: id },
					applied: () => server().store.get(id)!.orderStatus === ORDER_STATUS.received,
				};
			},
		},
		{
			name: 'Create',
			path: ENDPOINTS.orderCreateBatch.path,
			prepare() {
				const params = orderParams('create', [sampleLine(3)]);
				params.address = { value: receiver() };
				return { params, applied: created(server().store.size) };
			},
		},
		{
			name: 'Create for Several Sellers',
			path: ENDPOINTS.orderCreateBatch.path,
			prepare() {
				const lines = [sampleLine(2), otherSellerLine(server().store.catalog, 1)];
				const params = orderParams('createBatch', lines);
				params.address = { value: receiver() };
				return { params, applied: created(server().store.size) };
			},
		},
		{
			name: 'Cart Create Order',
			path: ENDPOINTS.cartCreateOrder.path,
			prepare() {
				return {
					params: {
						resource: 'cart',
						operation: 'createOrder',
						cartIds: cartLine(),
						flow: 'general',
						addressMode: 'fields',
						address: { value: receiver() },
					},
					applied: created(server().store.size),
				};
			},
		},
	];

	/** Runs a write under these faults; returns its verdict and, after every late write has landed, the truth. */
	async function settle(
		write: Write,
		faults: Fault[],
		during?: () => void | Promise<void>,
		landAfterMs = 0,
	): Promise<{ verdict: unknown; applied: boolean; item: IDataObject }> {
		const { params, applied } = write.prepare();
		server().resetStats();
		server().setFaults(faults.map((f) => ({ method: 'POST', path: write.path, ...f })));
		const running = local.run(params, { continueOnFail: true });
		if (during) await during();
		const [item] = (await running).output().map((o) => o.json);
		await sleep(landAfterMs);
		expect(server().count(`POST ${write.path}`)).toBe(1); // sent once, whatever happened
		expect(typeof item.error).toBe('string');
		if (item.outcome !== 'went through' && item.outcome !== 'did not go through')
			expect(String(item.error)).not.toMatch(/safe/);
		return { verdict: item.outcome, applied: applied(), item };
	}

	describe('a write applied late (PandaPon answers after the 1 s timeout, or a gateway gives up first)', () => {
		const LATE: Array<[string, Fault]> = [
			['applied 1.3 s later, no answer', { kind: 'hang', apply: true, applyAfterMs: 1300 }],
			['applied 3 s later, no answer', { kind: 'hang', apply: true, applyAfterMs: 3000 }],
			['applied 6 s later, no answer', { kind: 'hang', apply: true, applyAfterMs: 6000 }],
			[
				'gateway 504, applied 1.5 s later',
				{ kind: 'status', status: 504, apply: true, applyAfterMs: 1500 },
			],
		];
		it.each(WRITES.map((w) => [w.name, w] as const))(
			'%s',
			async (_name, write) => {
				for (const [name, fault] of LATE) {
					const { verdict, applied } = await settle(
						write,
						[fault],
						undefined,
						(fault.applyAfterMs ?? 0) + 200,
					);
					expect(applied).toBe(true);
					record('late apply', `${write.name}: ${name}`, applied, verdict);
				}
			},
			120_000,
		);
	});

	describe('the read cannot see it', () => {
		it.each(WRITES.map((w) => [w.name, w] as const))(
			'%s with the order list 3 s behind',
			async (_name, write) => {
				server().store.listLagMs = 3000;
				const applied = await settle(write, [{ kind: 'reset', apply: true }]);
				record(
					'lagging list',
					`${write.name}: applied, list 3 s behind`,
					applied.applied,
					applied.verdict,
				);
				const dropped = await settle(write, [{ kind: 'reset' }]);
				record(
					'lagging list',
					`${write.name}: dropped, list 3 s behind`,
					dropped.applied,
					dropped.verdict,
				);
			},
			60_000,
		);

		it('Create with a page cap of 20 and 25 other orders created after ours', async () => {
			server().store.maxPageSize = 20;
			const write = WRITES[3];
			const { verdict, applied } = await settle(write, [{ kind: 'reset', apply: true }], () => {
				for (let i = 0; i < 25; i++) unpaid();
			});
			record('page cap', 'Create: applied, 25 newer orders, pages of 20', applied, verdict);
		});

		it('Create with the list sorted by update time, an old order and the fence order paid meanwhile', async () => {
			server().store.listOrder = 'updated';
			const fence = server().store.all()[0];
			if (fence.payStatus !== PAY_STATUS.paid) server().store.pay(fence.tbOrderId);
			const unpaidOld = () =>
				server()
					.store.all()
					.filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment);
			const old = unpaidOld().at(-1)!;
			const oldest = () => unpaidOld().at(-1)!.tbOrderId;
			for (const apply of [true, false]) {
				const { verdict, applied } = await settle(
					WRITES[3],
					[{ kind: 'reset', apply }],
					() => void server().store.pay(apply ? old.tbOrderId : oldest()),
				);
				record(
					'update-time sort',
					`Create: ${apply ? 'applied' : 'dropped'}, old order paid meanwhile`,
					applied,
					verdict,
				);
			}
		});

		it.each([-600_000, -150_000, 600_000])(
			'orders timed by a PandaPon clock %i ms off ours: every settled write',
			async (skew) => {
				server().store.clockSkewMs = skew;
				for (const write of WRITES) {
					const { verdict, applied } = await settle(write, [{ kind: 'reset', apply: true }]);
					record('clock skew', `${write.name}: applied, clock ${skew / 1000} s`, applied, verdict);
				}
			},
			90_000,
		);
	});

	describe('the opposite error: another order looks like ours', () => {
		const create = WRITES[3];
		const sameAs = (params: IDataObject) => ({
			flow: 'general',
			address: (params.address as { value: unknown }).value as never,
			cargo: [sampleLine(3)] as never,
		});

		it('an identical order placed 60 s earlier, the fence read failing', async () => {
			const { params } = create.prepare();
			server().store.create(sameAs(params), Date.now() - 60_000);
			const before = server().store.size;
			const applied = () => server().store.size > before;
			server().setFaults([
				{ kind: 'reset', method: 'POST', path: create.path },
				{ kind: 'status', status: 503, method: 'POST', path: ENDPOINTS.orderList.path, times: 2 },
			]);
			const [item] = (await local.run(params, { continueOnFail: true }))
				.output()
				.map((o) => o.json);
			record(
				'look-alike',
				'Create: dropped, identical order 60 s earlier, no fence',
				applied(),
				item.outcome,
			);
		});

		it('an identical order by another workflow at the same time', async () => {
			const { params, applied } = create.prepare();
			server().setFaults([{ kind: 'reset', method: 'POST', path: create.path }]);
			const running = local.run(params, { continueOnFail: true });
			await sleep(100);
			server().store.create(sameAs(params));
			const [item] = (await running).output().map((o) => o.json);
			expect(server().store.size).toBeGreaterThan(0);
			// applied() counts any new order: the other workflow's is not this write's.
			record(
				'look-alike',
				'Create: dropped, identical order by another workflow meanwhile',
				applied() && false,
				item.outcome,
			);
			expect(String(item.error)).toContain('another workflow');
		});

		it('another order to the same receiver (Cart Create Order)', async () => {
			const cart = WRITES[5];
			const { params } = cart.prepare();
			server().setFaults([{ kind: 'reset', method: 'POST', path: cart.path }]);
			const running = local.run(params, { continueOnFail: true });
			await sleep(100);
			server().store.create(sameAs(params));
			const [item] = (await running).output().map((o) => o.json);
			record(
				'look-alike',
				'Cart Create Order: dropped, another order to the receiver',
				false,
				item.outcome,
			);
		});

		it('two identical runs at once: one applied, one dropped', async () => {
			const { params } = create.prepare();
			const before = server().store.size;
			server().setFaults([
				{ kind: 'reset', method: 'POST', path: create.path, apply: true },
				{ kind: 'reset', method: 'POST', path: create.path },
			]);
			const results = await Promise.all([
				local.run(params, { continueOnFail: true }),
				local.run(params, { continueOnFail: true }),
			]);
			expect(server().store.size).toBe(before + 1);
			for (const [i, result] of results.entries()) {
				const [item] = result.output().map((o) => o.json);
				// Which run's write landed cannot be seen from the outside: neither may claim either verdict.
				const verdict = String(item.outcome);
				rows.push({
					group: 'look-alike',
					name: `Create: two identical runs at once, run ${i + 1}`,
					truth: 'one of the two applied',
					verdict,
					wrong: verdict !== 'could not tell',
				});
				expect(verdict).toBe('could not tell');
			}
		});
	});

	describe('a proven verdict is still given where the order’s state proves it', () => {
		it('Cancel of an order that is paid: did not go through (a cancel can no longer apply)', async () => {
			const id = unpaid();
			server().store.pay(id);
			server().setFaults([{ kind: 'reset', method: 'POST', path: ENDPOINTS.orderCancel.path }]);
			const [item] = (
				await local.run(
					{ resource: 'order', operation: 'cancel', orderId: id, cancelReason: 'x' },
					{ continueOnFail: true },
				)
			)
				.output()
				.map((o) => o.json);
			expect(item.error).toMatch(
				/it did not go through \(order \d{19} is paid, so it was not cancelled\)\. Nothing changed, so sending it again is safe\.$/,
			);
			record('proven', 'Cancel: dropped, order paid', false, item.outcome);
		});

		it('Pay of an order closed unpaid: did not go through; applied: went through', async () => {
			const closed = unpaid();
			server().store.cancel(closed, 'buyerCancel');
			server().setFaults([{ kind: 'reset', method: 'POST', path: ENDPOINTS.orderPay.path }]);
			const [item] = (
				await local.run(
					{ resource: 'order', operation: 'pay', orderIds: closed },
					{ continueOnFail: true },
				)
			)
				.output()
				.map((o) => o.json);
			record('proven', 'Pay: dropped, order closed unpaid', false, item.outcome);
			expect(item.outcome).toBe('did not go through');
		});
	});
});

describe('caps that hold after the fact', () => {
	const local = useLocalServer({ seedOrders: 20 }, { timeoutSeconds: 5 });
	const server = () => local.server;

	it('Pay after a price rise between the check and the payment fails loudly, with the ids and amounts', async () => {
		const id = server().store.create({
			flow: 'general',
			address: ADDRESS as never,
			cargo: [sampleLine(1)] as never,
		}).tbOrderId;
		const checked = totalAmountFen(server().store.get(id)!) / 100;
		// The pay waits 1 s at PandaPon; the seller raises the shipping by 3,000 CNY meanwhile.
		server().setFaults([
			{ kind: 'latency', delayMs: 1000, method: 'POST', path: ENDPOINTS.orderPay.path },
		]);
		const running = local.run(
			{ resource: 'order', operation: 'pay', orderIds: id, options: { maxPayTotal: checked + 1 } },
			{ continueOnFail: true },
		);
		await sleep(400);
		server().store.modifyPrice(id, 300_000, 0);
		const [item] = (await running).output().map((o) => o.json);
		const paidAt = totalAmountFen(server().store.get(id)!) / 100;
		expect(server().store.get(id)!.payStatus).toBe(PAY_STATUS.paid);
		expect(item.error).toBe(
			`Item 1: Paid above Max Total to Pay: PandaPon now puts the paid orders at ${paidAt.toFixed(2)} CNY (${id}: ${paidAt.toFixed(2)} CNY), above the limit ${(checked + 1).toFixed(2)} CNY; they totalled ${checked.toFixed(2)} CNY when checked just before paying, so the price changed in between`,
		);
		expect(item).toMatchObject({ outcome: 'went through', orderIds: [id] });
		rows.push({
			group: 'cap after the fact',
			name: `Pay: checked ${checked.toFixed(2)}, paid ${paidAt.toFixed(2)} CNY`,
			truth: 'paid above the cap',
			verdict: 'failed loudly, went through',
			wrong: false,
		});
	});

	it('Taobao Cart Create Order over Max Order Total: refused after the preview, nothing ordered; within it, ordered', async () => {
		const add = () =>
			local.json({
				resource: 'taobaoCart',
				operation: 'add',
				mpId: 'mp672991141190',
				mpSkuId: 'mps3452545926724',
				quantity: 2,
				additionalFields: { price: 9300 },
			});
		await add();
		const [line] = await local.json({ resource: 'taobaoCart', operation: 'getAll' });
		const order = (cap: number) =>
			local.run(
				{
					resource: 'taobaoCart',
					operation: 'createOrder',
					ids: String(line.id),
					orderAddressMode: 'json',
					orderAddressJson: JSON.stringify(TAOBAO_RECEIVER),
					options: { maxOrderTotal: cap },
				},
				{ continueOnFail: true },
			);
		server().resetStats();
		const [refused] = (await order(185)).output().map((o) => o.json);
		expect(refused.error).toBe(
			"Item 1: Not ordered: PandaPon's preview puts goods + shipping at 186.00 CNY, above Max Order Total 185.00 CNY",
		);
		expect(server().count(`POST ${ENDPOINTS.taobaoCartCreateOrder.path}`)).toBe(0);
		const [ordered] = (await order(186)).output().map((o) => o.json);
		expect(ordered).toMatchObject({
			totalFee: 18600,
			previewedTotalYuan: 186,
			orderedTotalYuan: 186,
		});
		rows.push({
			group: 'cap after the fact',
			name: 'Taobao Cart Create Order: 186.00 CNY against caps of 185 and 186',
			truth: 'over, then within',
			verdict: 'refused, nothing ordered; then ordered',
			wrong: false,
		});
	});
});

describe('the order-changes poller given a snapshot it cannot read', () => {
	let server: PandaPonServer;
	beforeAll(async () => {
		server = await startServer({ seedOrders: 200 });
	});
	afterAll(() => server.close());
	const poll = (staticData?: IDataObject) =>
		runPoll(
			{ events: ORDER_EVENTS.map((e) => e.value), lookBackDays: 14, options: {} },
			{ pandaPonApi: credentialsOf(server) },
			{ staticData },
		);
	const KEY = 'node:PandaPon Order Changes';

	it.each<[string, (orders: Record<string, unknown[]>) => unknown]>([
		[
			'snapshots as objects (an older form)',
			(o) =>
				Object.fromEntries(
					Object.entries(o).map(([id, s]) => [id, { orderStatus: s[0], payStatus: s[1] }]),
				),
		],
		[
			'numbers as text (hand-edited)',
			(o) =>
				Object.fromEntries(
					Object.entries(o).map(([id, s]) => [id, s.map((v) => (v === null ? v : String(v)))]),
				),
		],
		['a list instead of an object', (o) => Object.values(o)],
	])('%s: a fresh baseline, no events, said once', async (_name, spoil) => {
		const good = (await poll()).staticData;
		const saved = good[KEY] as { orders: Record<string, unknown[]>; baselineAt: number };
		const odd = { [KEY]: { ...saved, orders: spoil(saved.orders) } };
		const first = await poll(odd);
		expect(first.items).toHaveLength(1);
		expect(first.items[0]).toMatchObject({ event: 'restarted' });
		const next = await poll(first.staticData);
		expect(next.items).toEqual([]);
		rows.push({
			group: 'odd snapshot',
			name: _name,
			truth: 'no change',
			verdict: `${first.items.length - 1} false events, 1 notice`,
			wrong: false,
		});
	});
});

describe('pushes: claims confirmed, authentic pushes never lost', () => {
	let server: PandaPonServer;
	beforeAll(async () => {
		server = await startServer({ seedOrders: 100 });
	});
	afterAll(() => server.close());
	beforeEach(() => {
		server.clearFaults();
		server.store.listLagMs = 0;
	});
	const hostWith = useWebhookHosts();
	const host = (parameters: IDataObject = {}) =>
		hostWith({ credentials: credentialsOf(server), parameters });
	const post = (url: string, body: string, headers: Record<string, string> = {}) =>
		axios.post(url, body, {
			headers: { 'Content-Type': 'application/json', ...headers },
			validateStatus: () => true,
			transformRequest: (b) => b,
		});
	const sign = (body: string) => ({ Authorization: signPush(body, server.keys.accessSecret) });
	const fresh = () =>
		server.store.create({
			flow: 'general',
			address: ADDRESS as never,
			cargo: [sampleLine(1)] as never,
		});
	const envelope = (type: string, body: unknown) =>
		JSON.stringify({
			messageType: `1688_${type}`,
			messagePlatform: 1,
			timestamp: String(Date.now()),
			messageBody: body,
		});
	/** The compact body PandaPon sends for an order (orderStatus, payStatus, totals …), as an object. */
	const compact = (order: Order) =>
		JSON.parse(
			CallbackPusher.fromOrder('ORDER_CREATE', order).messageBody as string,
		) as IDataObject;
	const real = (
		type: Parameters<typeof CallbackPusher.fromOrder>[0],
		order: Order,
		refundId?: string,
	) => JSON.stringify(CallbackPusher.fromOrder(type, order, refundId));

	async function confirmedOf(body: string, headers: Record<string, string> = {}) {
		const h = await host({ signatureCheck: 'flag' });
		expect((await post(h.url, body, headers)).status).toBe(200);
		for (let i = 0; i < 50 && !h.executions.length; i++) await sleep(50);
		return h.executions[0][0].json;
	}

	it('forged and replayed claims are never confirmed: true', async () => {
		const paidOrder = fresh();
		server.store.pay(paidOrder.tbOrderId);
		const old = server.store.all().at(-1)!; // a seeded order, days old
		const refunded = fresh();
		server.store.pay(refunded.tbOrderId);
		const realPaid = real('ORDER_PAY_SUCCESS', server.store.get(refunded.tbOrderId)!);
		server.store.refund(refunded.tbOrderId, 'TQ5550000000000000001', 1000);
		const unshipped = fresh();
		server.store.pay(unshipped.tbOrderId);
		const forged: Array<[string, string, Record<string, string>]> = [
			[
				'unsigned "paid" with a total of 0.01 CNY for a paid order',
				envelope('ORDER_PAY_SUCCESS', {
					...compact(server.store.get(paidOrder.tbOrderId)!),
					orderStatus: 'WAITING_FOR_SENT',
					payStatus: 2,
					totalAmount: 1,
				}),
				{},
			],
			[
				'unsigned "created" for an existing old order',
				envelope('ORDER_CREATE', { orderId: old.tbOrderId }),
				{},
			],
			[
				'unsigned "created" with its true total for an old order',
				envelope('ORDER_CREATE', compact(old)),
				{},
			],
			[
				'"price changed" with no total',
				envelope('ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', { orderId: fresh().tbOrderId }),
				{},
			],
			[
				'a forged refund id and amount on an order with a refund',
				envelope(
					'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND',
					JSON.stringify({
						refundId: 'TQ9990000000000000009',
						orderId: refunded.tbOrderId,
						refundAmount: 1000,
					}),
				),
				{},
			],
			[
				'the true refund id with a forged amount',
				envelope(
					'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND',
					JSON.stringify({
						refundId: 'TQ5550000000000000001',
						orderId: refunded.tbOrderId,
						refundAmount: 99_999,
					}),
				),
				{},
			],
			[
				'another type for an unshipped order',
				envelope('ORDER_SELLER_SEND_GOODS', { orderId: unshipped.tbOrderId }),
				{},
			],
			['a real signed "paid" replayed after a refund', realPaid, sign(realPaid)],
		];
		for (const [name, body, headers] of forged) {
			const item = await confirmedOf(body, headers);
			rows.push({
				group: 'forged push',
				name,
				truth: 'claim false or unprovable',
				verdict: `confirmed: ${String(item.confirmed)}`,
				wrong: item.confirmed === true,
			});
			expect({ name, confirmed: item.confirmed }).not.toEqual({ name, confirmed: true });
			expect(typeof item.confirmReason).toBe('string');
		}
	});

	it('authentic claims are confirmed: true', async () => {
		const order = fresh();
		const authentic: Array<[string, () => string]> = [
			['created', () => real('ORDER_CREATE', server.store.get(order.tbOrderId)!)],
			[
				'price changed',
				() => (
					server.store.modifyPrice(order.tbOrderId, 900, 0),
					real('ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', server.store.get(order.tbOrderId)!)
				),
			],
			[
				'paid',
				() => (
					server.store.pay(order.tbOrderId),
					real('ORDER_PAY_SUCCESS', server.store.get(order.tbOrderId)!)
				),
			],
			[
				'refund',
				() => {
					server.store.refund(order.tbOrderId, 'TQ5550000000000000002', 500);
					stateOf(server.store).refunds.set('TQ5550000000000000002', {
						refundId: 'TQ5550000000000000002',
						orderId: order.tbOrderId,
						applyPayment: 500,
					});
					return real(
						'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND',
						server.store.get(order.tbOrderId)!,
						'TQ5550000000000000002',
					);
				},
			],
			[
				'cancelled',
				() => {
					const o = fresh();
					server.store.cancel(o.tbOrderId, 'buyerCancel');
					return real('ORDER_CANCEL', o);
				},
			],
		];
		for (const [name, make] of authentic) {
			const body = make();
			const item = await confirmedOf(body, sign(body));
			rows.push({
				group: 'authentic push',
				name: `signed "${name}"`,
				truth: 'claim true',
				verdict: `confirmed: ${String(item.confirmed)}`,
				wrong: item.confirmed !== true,
			});
			expect({ name, confirmed: item.confirmed, reason: item.confirmReason }).toEqual({
				name,
				confirmed: true,
				reason: undefined,
			});
		}
	});

	it('Do Not Start with a lagging list: a real push that came too early starts once it confirms; its re-send starts nothing more', async () => {
		const h = await host({ options: { unconfirmed: 'skip' } });
		server.store.listLagMs = 2500;
		const order = fresh();
		server.store.pay(order.tbOrderId);
		const body = real('ORDER_PAY_SUCCESS', server.store.get(order.tbOrderId)!);
		expect((await post(h.url, body, sign(body))).status).toBe(503); // PandaPon will send it again
		for (let i = 0; i < 100 && !h.executions.length; i++) await sleep(100);
		expect(h.executions).toHaveLength(1);
		expect(h.executions[0][0].json).toMatchObject({ confirmed: true });
		expect((await post(h.url, body, sign(body))).status).toBe(200); // the re-send: a duplicate of a started push
		await sleep(300);
		expect(h.executions).toHaveLength(1);
		rows.push({
			group: 'authentic push',
			name: 'Do Not Start, list 2.5 s behind: 503, re-checked, started once',
			truth: 'authentic',
			verdict: `${h.executions.length} start`,
			wrong: h.executions.length !== 1,
		});
	}, 30_000);

	it('Do Not Start: a re-send that confirms starts, though an unconfirmed copy came first', async () => {
		const h = await host({ options: { unconfirmed: 'skip' } });
		const order = fresh();
		server.store.listLagMs = 60_000; // the list does not show the order yet
		server.store.pay(order.tbOrderId);
		const body = real('ORDER_PAY_SUCCESS', server.store.get(order.tbOrderId)!);
		const unsignedCopy = body; // sent first without its signature: unconfirmed, and not re-checked
		expect((await post(h.url, unsignedCopy)).status).toBe(503);
		server.store.listLagMs = 0;
		expect((await post(h.url, body, sign(body))).status).toBe(200);
		await sleep(200);
		expect(h.executions).toHaveLength(1);
		rows.push({
			group: 'authentic push',
			name: 'Do Not Start, unconfirmed copy first, then the re-send',
			truth: 'authentic',
			verdict: `${h.executions.length} start`,
			wrong: h.executions.length !== 1,
		});
	});

	it('a flood of forgeries does not starve a real push, and ten real pushes at once all start once', async () => {
		const h = await host({ options: { unconfirmed: 'skip' } });
		const paidOrders = Array.from({ length: 10 }, () => {
			const o = fresh();
			server.store.pay(o.tbOrderId);
			return real('ORDER_PAY_SUCCESS', server.store.get(o.tbOrderId)!);
		});
		const forgeries = Array.from({ length: 200 }, (_, i) =>
			envelope('ORDER_PAY_SUCCESS', { orderId: `25422856349208${String(10_000 + i)}` }),
		);
		const answers = await Promise.all([
			...forgeries.map((f) => post(h.url, f).then((r) => r.status)),
			...paidOrders.map((b) => post(h.url, b, sign(b)).then((r) => r.status)),
		]);
		// Each real one is answered 200 (confirmed at once) or 503 (not yet: re-checked, and sent again by PandaPon).
		for (const status of answers.slice(200)) expect([200, 503]).toContain(status);
		expect(answers.slice(0, 200).filter((a) => a === 200)).toEqual([]);
		for (let i = 0; i < 200 && h.executions.length < 10; i++) await sleep(100);
		// PandaPon's re-sends of the ten: duplicates of started pushes, answered 200, nothing starts twice.
		const again = await Promise.all(
			paidOrders.map((b) => post(h.url, b, sign(b)).then((r) => r.status)),
		);
		expect(again).toEqual(Array(10).fill(200));
		await sleep(300);
		const started = h.executions.map((e) => e[0].json.confirmed);
		expect(started).toEqual(Array(10).fill(true));
		rows.push({
			group: 'authentic push',
			name: '10 signed at once amid 200 forgeries, then re-sent',
			truth: 'authentic ×10',
			verdict: `${started.length} started once`,
			wrong: started.length !== 10,
		});
		rows.push({
			group: 'forged push',
			name: '200 unsigned forgeries under Do Not Start',
			truth: 'forged',
			verdict: `confirmed: ${started.length > 10}`,
			wrong: started.length > 10,
		});
	}, 60_000);
});
