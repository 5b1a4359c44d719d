/**
 * PandaPon Order Changes (Polling) Trigger: each poll walks the documented order list over the look-back window,
 * compares with the snapshot kept in the workflow's static data and emits one item per change, run through
 * n8n-core's PollContext against the local server, whose store makes the changes.
 */
import type { IDataObject } from 'n8n-workflow';

import { runPoll } from '../../tools/engine';
import { startServer, type PandaPonServer } from '../../packages/local-server/src/app';
import { ADDRESS, sampleLine } from '../support/orderFixtures';
import { ORDER_STATUS } from '../../packages/local-server/src/store';

const ALL = ['new', 'paid', 'shipped', 'received', 'cancelled', 'priceChanged', 'refundChanged'];

describe('PandaPon Order Changes (Polling) Trigger', () => {
	let server: PandaPonServer;
	let credentials: Record<string, IDataObject>;
	beforeAll(async () => {
		server = await startServer({ seedOrders: 300 });
		const { accessKey, accessSecret, userId } = server.keys;
		credentials = {
			pandaPonApi: {
				accessKey,
				accessSecret,
				userId,
				baseUrl: server.url,
				timestampUnit: 'seconds',
				signNonce: true,
			},
		};
	});
	afterAll(() => server.close());

	const poll = (staticData?: IDataObject, parameters: IDataObject = {}) =>
		runPoll({ events: ALL, lookBackDays: 14, options: {}, ...parameters }, credentials as never, {
			staticData,
		});
	const newOrder = () =>
		server.store.create({
			flow: 'general',
			address: { ...ADDRESS, phone: ADDRESS.mobile },
			cargo: [sampleLine(1) as never],
		}).tbOrderId;

	it('records a baseline on the first poll and emits nothing; a quiet poll emits nothing', async () => {
		const first = await poll();
		expect(first.items).toEqual([]);
		expect(
			Object.keys(
				(first.staticData['node:PandaPon Order Changes'] as IDataObject).orders as IDataObject,
			).length,
		).toBeGreaterThan(0);
		const quiet = await poll(first.staticData);
		expect(quiet.items).toEqual([]);
	});

	it('emits exactly one item per change: new, paid, shipped, received, price changed, cancelled, refund', async () => {
		let state = (await poll()).staticData;
		const step = async () => {
			const result = await poll(state);
			state = result.staticData;
			return result.items.map((i) => `${String(i.event)} ${String(i.tbOrderId)}`);
		};
		const a = newOrder();
		const b = newOrder();
		expect(await step()).toEqual([`new ${b}`, `new ${a}`]);
		server.store.modifyPrice(b, 0, 100);
		expect(await step()).toEqual([`priceChanged ${b}`]);
		server.store.pay(a);
		expect(await step()).toEqual([`paid ${a}`]);
		server.store.ship(a);
		expect(await step()).toEqual([`shipped ${a}`]);
		server.store.confirmReceipt(a, undefined);
		expect(await step()).toEqual([`received ${a}`]);
		server.store.cancel(b, 'buyerCancel');
		expect(await step()).toEqual([`cancelled ${b}`]);
		server.store.refund(a, 'TQ1234567890123456789', 500);
		expect(await step()).toEqual([`refundChanged ${a}`]);
		expect(await step()).toEqual([]);
	});

	it('says what changed (before → after) and carries the compact order with exact ids', async () => {
		const state = (await poll()).staticData;
		const id = server.store
			.all()
			.find((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)!.tbOrderId;
		server.store.pay(id);
		const { items } = await poll(state);
		const [paid] = items.filter((i) => i.tbOrderId === id);
		expect(paid.event).toBe('paid');
		expect((paid.changes as IDataObject).payStatus).toEqual({ before: 1, after: 2 });
		expect((paid.order as IDataObject).tbOrderId).toBe(id);
		expect((paid.order as IDataObject).payStatusLabel).toBe('paid');
	});

	it('a poll that fails midway saves nothing, so the next one neither loses nor repeats a change', async () => {
		const state = (await poll()).staticData;
		const id = server.store
			.all()
			.find((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)!.tbOrderId;
		server.store.pay(id);
		// The order list answers an error (an answer, not retried): the poll fails.
		server.setFaults([
			{ path: '/v2/alibaba/order/page', kind: 'code', code: 5001, msg: 'busy', times: 1 },
		]);
		await expect(poll(state, { options: {} })).rejects.toThrow(/PandaPon error 5001: busy/);
		const next = await poll(state);
		expect(next.items.filter((i) => i.tbOrderId === id).map((i) => i.event)).toEqual(['paid']);
		expect((await poll(next.staticData)).items).toEqual([]);
	});

	it('after a restart (static data as n8n saved it) nothing is re-emitted', async () => {
		const state = (await poll()).staticData;
		const restarted = await poll(JSON.parse(JSON.stringify(state)) as IDataObject);
		expect(restarted.items).toEqual([]);
	});

	it('only the chosen events; the window bounds paging and the snapshot', async () => {
		let state = (await poll(undefined, { events: ['paid'] })).staticData;
		const a = newOrder();
		expect((await poll(state, { events: ['paid'] })).items).toEqual([]);
		state = (await poll(state, { events: ['paid'] })).staticData;
		server.store.pay(a);
		expect((await poll(state, { events: ['paid'] })).items.map((i) => i.event)).toEqual(['paid']);
		// A 90-day window holds more than 100 orders: Max Orders per Check 100 reads one page and keeps 100.
		const inWindow = server.store
			.all()
			.filter((o) => o.createTime >= Date.now() - 90 * 86_400_000).length;
		expect(inWindow).toBeGreaterThan(100);
		server.resetStats();
		const small = await poll(undefined, { lookBackDays: 90, options: { maxOrders: 100 } });
		expect(server.count('POST /v2/alibaba/order/page')).toBe(1);
		const snapshot = (small.staticData['node:PandaPon Order Changes'] as IDataObject)
			.orders as IDataObject;
		expect(Object.keys(snapshot)).toHaveLength(100);
		const bytes = Buffer.byteLength(JSON.stringify(snapshot));
		console.log(
			`snapshot: ${(bytes / 100).toFixed(0)} bytes per order in the workflow's static data`,
		);
		expect(bytes / 100).toBeLessThan(80);
		// The 14-day window stops at the first older order: fewer orders, still one request.
		server.resetStats();
		const recent = await poll(undefined, {});
		expect(
			Object.keys(
				(recent.staticData['node:PandaPon Order Changes'] as IDataObject).orders as IDataObject,
			).length,
		).toBe(server.store.all().filter((o) => o.createTime >= Date.now() - 14 * 86_400_000).length);
	});

	it('Fetch Test Event (manual) returns one real recent order and leaves the saved state alone', async () => {
		const state = (await poll()).staticData;
		const sample = await runPoll(
			{ events: ALL, lookBackDays: 14, options: {} },
			credentials as never,
			{ staticData: state, mode: 'manual' },
		);
		expect(sample.items).toHaveLength(1);
		expect(sample.items[0]).toMatchObject({
			event: 'sample',
			tbOrderId: server.store.all()[0].tbOrderId,
		});
		expect(sample.staticData).toEqual(state);
	});
});

describe('PandaPon Order Changes: the walk never misses or doubles a change silently', () => {
	let server: PandaPonServer;
	let credentials: Record<string, IDataObject>;
	beforeAll(async () => {
		// A server that answers at most 50 orders per page, whatever is asked.
		server = await startServer({ seedOrders: 3000, maxPageSize: 50 });
		const { accessKey, accessSecret, userId } = server.keys;
		credentials = {
			pandaPonApi: {
				accessKey,
				accessSecret,
				userId,
				baseUrl: server.url,
				timestampUnit: 'seconds',
				signNonce: true,
			},
		};
	});
	afterAll(() => server.close());
	const poll = (staticData: IDataObject | undefined, options: IDataObject = {}) =>
		runPoll(
			{ events: ALL, lookBackDays: 90, options: { maxOrders: 20000, ...options } },
			credentials as never,
			{ staticData },
		);
	const unpaid = () =>
		server.store.all().filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment);

	it('with a page-size cap below 100, every one of 50 changes spread over 3,000 orders is reported once', async () => {
		let state = (await poll(undefined)).staticData;
		const targets = unpaid()
			.filter((_o, i) => i % 7 === 0)
			.slice(0, 50)
			.map((o) => o.tbOrderId);
		expect(targets).toHaveLength(50);
		for (const id of targets) server.store.pay(id);
		const result = await poll(state);
		state = result.staticData;
		const paid = result.items.filter((i) => i.event === 'paid').map((i) => String(i.tbOrderId));
		expect(paid.sort()).toEqual([...targets].sort());
		expect(new Set(result.items.map((i) => `${String(i.event)} ${String(i.tbOrderId)}`)).size).toBe(
			result.items.length,
		);
		expect((await poll(state)).items).toEqual([]);
	});

	it('more orders than Max Orders per Check: a warning item says how many were not checked, and their changes are reported once the limit allows', async () => {
		server.resetStats();
		let state = (await poll(undefined)).staticData; // the baseline sees every order
		const oldest = unpaid()
			.slice(-5)
			.map((o) => o.tbOrderId); // beyond the newest 2,000
		for (const id of oldest) server.store.cancel(id, 'buyerCancel');
		const limited = await poll(state, { maxOrders: 2000 });
		state = limited.staticData;
		const [warning] = limited.items.filter((i) => i.event === 'limitReached');
		expect(warning).toMatchObject({ notChecked: server.store.size - 2000, maxOrders: 2000 });
		expect(String(warning.message)).toMatch(/were not checked on this poll/);
		expect(limited.items.filter((i) => i.event === 'cancelled')).toEqual([]);
		// Their snapshots were kept: with the limit raised they come out as cancelled, not as new.
		const raised = await poll(state);
		expect(
			raised.items
				.filter((i) => i.event === 'cancelled')
				.map((i) => String(i.tbOrderId))
				.sort(),
		).toEqual([...oldest].sort());
		expect(raised.items.filter((i) => i.event === 'new')).toEqual([]);
		await expect(poll(state, { maxOrders: 2000, onLimit: 'error' })).rejects.toThrow(
			/more orders than Max Orders per Check \(2000\)/,
		);
	});

	it('orders inserted while the list is read: nothing doubled, nothing lost (new next time)', async () => {
		let state = (await poll(undefined)).staticData;
		// The second page waits; meanwhile three orders are created, shifting every later page by three rows.
		server.setFaults([
			{ kind: 'latency', delayMs: 300, path: '/v2/alibaba/order/page', after: 1, times: 1 },
		]);
		const created: string[] = [];
		const timer = setTimeout(() => {
			for (let i = 0; i < 3; i++)
				created.push(
					server.store.create({
						flow: 'general',
						address: { ...ADDRESS, phone: ADDRESS.mobile },
						cargo: [sampleLine(1) as never],
					}).tbOrderId,
				);
		}, 100);
		const during = await poll(state);
		clearTimeout(timer);
		state = during.staticData;
		const keys = during.items.map((i) => `${String(i.event)} ${String(i.tbOrderId)}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(during.items.filter((i) => i.event !== 'new')).toEqual([]);
		const after = await poll(state);
		const news = [...during.items, ...after.items]
			.filter((i) => i.event === 'new')
			.map((i) => String(i.tbOrderId));
		expect(news.sort()).toEqual([...created].sort());
	});
});

describe('PandaPon Order Changes: a list sorted by last change, and 50,000 orders', () => {
	let server: PandaPonServer;
	let credentials: Record<string, IDataObject>;
	const DAY = 86_400_000;
	beforeAll(async () => {
		// PandaPon does not document its list order: this server sorts by last change, so old orders changed
		// recently come first and window orders follow them.
		server = await startServer({ seedOrders: 10_000, listOrder: 'updated' });
		const { accessKey, accessSecret, userId } = server.keys;
		credentials = {
			pandaPonApi: {
				accessKey,
				accessSecret,
				userId,
				baseUrl: server.url,
				timestampUnit: 'seconds',
				signNonce: true,
			},
		};
	});
	afterAll(() => server.close());
	const poll = (staticData: IDataObject | undefined) =>
		runPoll(
			{ events: ALL, lookBackDays: 14, options: { maxOrders: 20000 } },
			credentials as never,
			{ staticData },
		);
	const inWindow = (o: { createTime: number }) => o.createTime > Date.now() - 13 * DAY;
	const keysOf = (items: IDataObject[]) =>
		items.map((i) => `${String(i.event)} ${String(i.tbOrderId)}`);

	it('old orders changed recently (listed first) do not end the walk; changes made during a walk are reported once, on this poll or the next', async () => {
		let state = (await poll(undefined)).staticData;
		const orders = server.store.all();
		// Six orders older than the window change: sorted by last change, they now head the list.
		const old = orders
			.filter((o) => o.createTime < Date.now() - 15 * DAY && o.orderStatus === ORDER_STATUS.shipped)
			.slice(0, 6);
		expect(old).toHaveLength(6);
		for (const o of old) server.store.confirmReceipt(o.tbOrderId, undefined);
		const unpaid = orders.filter(
			(o) => inWindow(o) && o.orderStatus === ORDER_STATUS.awaitingPayment,
		);
		const before = unpaid.slice(0, 20).map((o) => o.tbOrderId);
		for (const id of before) server.store.pay(id);
		// The walk's second page waits; meanwhile 10 more window orders are paid (each jumps to the top of the list,
		// shifting every later page).
		const during = unpaid.slice(-10).map((o) => o.tbOrderId);
		server.setFaults([
			{ kind: 'latency', delayMs: 300, path: '/v2/alibaba/order/page', after: 1, times: 1 },
		]);
		const timer = setTimeout(() => during.forEach((id) => server.store.pay(id)), 100);
		const first = await poll(state);
		clearTimeout(timer);
		state = first.staticData;
		const second = await poll(state);
		state = second.staticData;
		const reported = [...keysOf(first.items), ...keysOf(second.items)];
		const paid = reported.filter((k) => k.startsWith('paid ')).map((k) => k.slice(5));
		expect(paid.sort()).toEqual([...before, ...during].sort()); // missed 0, doubled 0
		expect(new Set(reported).size).toBe(reported.length);
		// The old orders are outside the window: not reported, and not taken for new ones.
		expect(reported.filter((k) => old.some((o) => k.endsWith(o.tbOrderId)))).toEqual([]);
		expect((await poll(state)).items).toEqual([]);
	});

	it('50,000 orders sorted by creation: 40 changes over a 30-day window are each reported once', async () => {
		const big = await startServer({ seedOrders: 50_000 });
		try {
			const { accessKey, accessSecret, userId } = big.keys;
			const creds = {
				pandaPonApi: {
					accessKey,
					accessSecret,
					userId,
					baseUrl: big.url,
					timestampUnit: 'seconds',
					signNonce: true,
				},
			};
			const run = (staticData: IDataObject | undefined) =>
				runPoll({ events: ALL, lookBackDays: 30, options: { maxOrders: 50000 } }, creds as never, {
					staticData,
				});
			let state = (await run(undefined)).staticData;
			const targets = big.store
				.all()
				.filter(
					(o) =>
						o.createTime > Date.now() - 29 * DAY && o.orderStatus === ORDER_STATUS.awaitingPayment,
				)
				.filter((_o, i) => i % 11 === 0)
				.slice(0, 40)
				.map((o) => o.tbOrderId);
			expect(targets).toHaveLength(40);
			for (const id of targets) big.store.pay(id);
			const result = await run(state);
			state = result.staticData;
			expect(
				result.items
					.filter((i) => i.event === 'paid')
					.map((i) => String(i.tbOrderId))
					.sort(),
			).toEqual([...targets].sort());
			expect(new Set(keysOf(result.items)).size).toBe(result.items.length);
			expect(result.items.filter((i) => i.event === 'limitReached')).toEqual([]);
			expect((await run(state)).items).toEqual([]);
		} finally {
			await big.close();
		}
	}, 120_000);
});
