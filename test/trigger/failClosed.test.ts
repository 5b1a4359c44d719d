/**
 * The PandaPon Trigger at its edges: with a credential selected, the strict modes never start a push they could
 * not verify (503 when the secret cannot be had, so PandaPon re-sends); unverified pushes can never suppress an
 * authentic one, nor evict it by flooding; a BOM, deep nesting or a large forged body get a deliberate answer,
 * never a crash. Driven through the node's webhook() on a real HTTP port.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { ADDRESS, sampleLine } from '../support/orderFixtures';
import { startServer, type PandaPonServer } from '../../packages/local-server/src/app';
import { CallbackPusher } from '../../packages/local-server/src/callbacks';
import type { Order } from '../../packages/local-server/src/store';
import { SIGHTING_CAPS } from '../../nodes/PandaPon/model/pushMessage';
import { signPush } from '../../nodes/PandaPon/model/pushSignature';
import { useWebhookHosts, type WebhookHost } from '../support/webhookHost';

const SECRET = 'K7pQ2vX9mZ4tR8wL1nB6yH3cF5jD0sGa';
const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
	axios.post(url, body, {
		headers: { 'Content-Type': 'application/json', ...headers },
		validateStatus: () => true,
		transformRequest: (b) => b,
		maxBodyLength: Infinity,
	});
let counter = 0;
const paid = (orderId = `25422856349208${String(++counter).padStart(5, '0')}`) =>
	JSON.stringify({
		messageType: '1688_ORDER_PAY_SUCCESS',
		messagePlatform: 1,
		timestamp: String(Date.now()),
		messageBody: { orderId },
	});
const signed = (body: string | Buffer, secret = SECRET) => ({
	Authorization: signPush(body, secret),
});

describe('PandaPon Trigger: fails closed', () => {
	const host = useWebhookHosts({ credentials: { accessSecret: SECRET } });

	it.each([
		['an empty Access Secret', { accessSecret: '' }],
		['a secret of spaces', { accessSecret: '   ' }],
		['a credential n8n cannot read', 'unreadable' as const],
	])(
		'Reject with %s: every push gets 503 (PandaPon re-sends), nothing starts, the reason is logged',
		async (_name, credentials) => {
			const h = await host({ credentials, parameters: { signatureCheck: 'reject' } });
			for (const body of [paid(), paid()]) {
				expect((await post(h.url, body)).status).toBe(503);
				expect((await post(h.url, body, signed(body))).status).toBe(503);
			}
			expect(h.executions).toHaveLength(0);
			expect(h.warnings.join('\n')).toMatch(
				/refused with 503, the selected PandaPon API credential/,
			);
			expect(h.warnings.join('\n')).not.toContain(SECRET);
		},
	);

	it('Learn once strict: a credential that stops loading gets 503, not an unchecked start', async () => {
		const h = await host({
			workflowId: 'learn-fc',
			staticData: JSON.stringify({ signedPushSeen: true }),
			credentials: 'unreadable',
		});
		expect((await post(h.url, paid())).status).toBe(503);
		expect(h.executions).toHaveLength(0);
	});

	it('no credential selected: nothing can be checked, pushes start marked "unchecked" (as the panel says)', async () => {
		const h = await host({ credentials: undefined, parameters: { signatureCheck: 'reject' } });
		expect((await post(h.url, paid())).status).toBe(200);
		expect(h.executions.map((e) => e[0].json.signature)).toEqual(['unchecked']);
	});

	it.each(['flag', 'learn'])(
		'%s: a forged copy sent first does not swallow the authentic push',
		async (mode) => {
			const h = await host({ parameters: { signatureCheck: mode } });
			const body = paid();
			expect((await post(h.url, body)).status).toBe(200); // unsigned copy, flagged "missing"
			expect((await post(h.url, body, signed(body, 'other-secret'))).status).toBe(200); // a second forgery: a duplicate of the first
			expect((await post(h.url, body, signed(body))).status).toBe(200);
			expect(h.executions.map((e) => e[0].json.signature)).toEqual(['missing', 'valid']);
			// PandaPon's own re-send of the authentic push is still a duplicate.
			expect((await post(h.url, body, signed(body))).status).toBe(200);
			expect(h.executions).toHaveLength(2);
		},
	);

	it('a flood of forged pushes cannot evict the authentic sightings, and static data stays bounded', async () => {
		const h = await host({ parameters: { signatureCheck: 'flag' } });
		const real = paid();
		await post(h.url, real, signed(real));
		const flood = SIGHTING_CAPS.unverified * 2 + 1;
		for (let i = 0; i < flood; i += 50)
			await Promise.all(Array.from({ length: Math.min(50, flood - i) }, () => post(h.url, paid())));
		expect(h.executions).toHaveLength(1 + flood);
		// Replayed after the flood, the authentic push is still recognised as a duplicate.
		expect((await post(h.url, real, signed(real))).status).toBe(200);
		expect(h.executions).toHaveLength(1 + flood);
		const saved = h.persisted();
		const stores = JSON.parse(saved).seenBy as Record<string, Record<string, number>>;
		expect(Object.keys(stores.unverified)).toHaveLength(SIGHTING_CAPS.unverified);
		expect(Object.keys(stores.verified)).toHaveLength(1);
		expect(saved.length).toBeLessThan(SIGHTING_CAPS.unverified * 60);
	});

	it('a signed push with a UTF-8 byte-order mark is read, not refused', async () => {
		const h = await host({ parameters: { signatureCheck: 'reject' } });
		const bytes = Buffer.concat([
			Buffer.from([0xef, 0xbb, 0xbf]),
			Buffer.from(paid('2542285634920880794')),
		]);
		expect((await post(h.url, bytes, signed(bytes))).status).toBe(200);
		expect(h.executions).toHaveLength(1);
		expect((h.executions[0][0].json.body as { orderId: string }).orderId).toBe(
			'2542285634920880794',
		);
	});

	it.each([100, 101, 2500, 50_000])(
		'a push nested %i levels deep gets 200 or a deliberate 4xx, never a 5xx',
		async (depth) => {
			const h = await host({ parameters: { signatureCheck: 'flag' } });
			const body = JSON.stringify({
				messageType: '1688_ORDER_PAY_SUCCESS',
				messagePlatform: 1,
				messageBody: '{}',
				extra: 0,
			}).replace('0}', `${'['.repeat(depth)}${']'.repeat(depth)}}`);
			const signedAnswer = await post(h.url, body, signed(body));
			const unsignedAnswer = await post(h.url, body);
			for (const status of [signedAnswer.status, unsignedAnswer.status])
				expect(status === 200 || (status >= 400 && status < 500)).toBe(true);
			// Signed, it reaches the workflow (understood, or flagged not understood), never dropped.
			expect(h.executions.length).toBeGreaterThanOrEqual(1);
		},
	);

	const at = (ms: number) =>
		JSON.stringify({
			messageType: '1688_ORDER_PAY_SUCCESS',
			messagePlatform: 1,
			timestamp: String(ms),
			messageBody: { orderId: `2542285634920${String(++counter).padStart(6, '0')}` },
		});
	it.each([
		['stamped 2020', Date.UTC(2020, 0, 1)],
		['a day and a minute old', Date.now() - 24 * 3600_000 - 60_000],
		['an hour in the future', Date.now() + 3600_000],
	])('Reject: a correctly signed push %s is a replay: 401, nothing started', async (_name, ms) => {
		const h = await host({ parameters: { signatureCheck: 'reject' } });
		const body = at(ms);
		expect((await post(h.url, body, signed(body))).status).toBe(401);
		expect(h.executions).toHaveLength(0);
	});

	it('Reject: pushes within the window (PandaPon’s re-sends over 2.5 h, clock drift) start; Flag marks a stale one fresh: false', async () => {
		const strict = await host({ parameters: { signatureCheck: 'reject' } });
		for (const ms of [Date.now(), Date.now() - 150 * 60_000, Date.now() + 5 * 60_000]) {
			const body = at(ms);
			expect((await post(strict.url, body, signed(body))).status).toBe(200);
		}
		expect(strict.executions.map((e) => e[0].json.fresh)).toEqual([true, true, true]);
		const flag = await host({ parameters: { signatureCheck: 'flag' } });
		const old = at(Date.UTC(2020, 0, 1));
		expect((await post(flag.url, old, signed(old))).status).toBe(200);
		expect(flag.executions[0][0].json).toMatchObject({ signature: 'valid', fresh: false });
	});

	describe('Answer After the Execution Is Stored: a push counts as seen only once n8n stored its execution', () => {
		const stored = {
			parameters: { signatureCheck: 'reject', options: { answer: 'afterStored', confirm: false } },
		};

		it('a store that fails (n8n answers 500) leaves PandaPon’s re-send free to start the workflow', async () => {
			const h = await host({ ...stored, storeFailures: 1 });
			const body = paid();
			expect((await post(h.url, body, signed(body))).status).toBe(500);
			expect(h.executions).toHaveLength(0);
			expect((await post(h.url, body, signed(body))).status).toBe(200);
			expect(h.executions).toHaveLength(1);
			// Once stored, the next re-send is a duplicate.
			expect((await post(h.url, body, signed(body))).status).toBe(200);
			expect(h.executions).toHaveLength(1);
		});

		it('a copy arriving while the first is being stored gets 503 (re-sent later), not a 200 that could lose it', async () => {
			const h = await host({ ...stored, storeDelayMs: 300, storeFailures: 1 });
			const body = paid();
			const [first, copy] = await Promise.all([
				post(h.url, body, signed(body)),
				new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
					post(h.url, body, signed(body)),
				),
			]);
			expect([first.status, copy.status]).toEqual([500, 503]);
			expect(h.executions).toHaveLength(0);
			// PandaPon's re-send 30 minutes later: the store works now.
			expect((await post(h.url, body, signed(body))).status).toBe(200);
			expect(h.executions).toHaveLength(1);
		});

		it('a stored push is written to static data by the next request, so a re-send after a restart stays a duplicate', async () => {
			const h = await host({ ...stored, workflowId: 'stored-restart' });
			const body = paid();
			const other = paid();
			expect((await post(h.url, body, signed(body))).status).toBe(200);
			expect((await post(h.url, other, signed(other))).status).toBe(200);
			const restarted = await host({
				...stored,
				workflowId: 'stored-restart-2',
				staticData: h.persisted(),
			});
			expect((await post(restarted.url, body, signed(body))).status).toBe(200);
			expect(restarted.executions).toHaveLength(0);
		});
	});

	it('Reject: a large forged body is refused (401) without being parsed as a message', async () => {
		const h = await host({ parameters: { signatureCheck: 'reject' } });
		const big = JSON.stringify({
			messageType: '1688_ORDER_PAY_SUCCESS',
			messagePlatform: 1,
			messageBody: { pad: 'x'.repeat(10 * 1024 * 1024) },
		});
		expect((await post(h.url, big, signed(big, 'other-secret'))).status).toBe(401);
		expect((await post(h.url, big)).status).toBe(401);
		expect(h.executions).toHaveLength(0);
	});
});

describe('PandaPon Trigger: Confirm With PandaPon', () => {
	let server: PandaPonServer;
	beforeAll(async () => {
		server = await startServer({ seedOrders: 50 });
	});
	afterAll(() => server.close());
	const credentials = () => ({
		...server.keys,
		baseUrl: server.url,
		timestampUnit: 'seconds',
		signNonce: true,
	});
	const hostWith = useWebhookHosts();
	const host = (parameters: IDataObject = {}): Promise<WebhookHost> =>
		hostWith({ credentials: credentials(), parameters });
	const unpaid = () =>
		server.store.create({
			flow: 'general',
			address: ADDRESS as never,
			cargo: [sampleLine(1)] as never,
		});
	const push = (
		type:
			| 'ORDER_PAY_SUCCESS'
			| 'ORDER_CANCEL'
			| 'ORDER_CREATE'
			| 'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY',
		order: Order,
	) => JSON.stringify(CallbackPusher.fromOrder(type, order));
	const sign = (body: string) => ({ Authorization: signPush(body, server.keys.accessSecret) });

	it('a forged "Order Paid" for an unpaid order reaches the workflow confirmed: false; the real one after paying, confirmed: true', async () => {
		const h = await host(); // Learn, before any signed push: the forgery is let in, flagged
		const order = unpaid();
		const forged = push('ORDER_PAY_SUCCESS', {
			...order,
			payStatus: 2,
			payTime: Date.now(),
		} as Order);
		expect((await post(h.url, forged)).status).toBe(200);
		server.store.pay(order.tbOrderId);
		const real = push('ORDER_PAY_SUCCESS', server.store.get(order.tbOrderId)!);
		expect((await post(h.url, real, sign(real))).status).toBe(200);
		const items = h.executions.map((e) => e[0].json);
		expect(items.map((i) => [i.signature, i.confirmed])).toEqual([
			['missing', false],
			['valid', true],
		]);
		expect(items[0].confirmReason).toMatch(
			/the push says paid, PandaPon shows the order awaiting payment/,
		);
		expect((items[1].pandaponOrder as IDataObject).tbOrderId).toBe(order.tbOrderId);
	});

	it('a correctly signed push whose claim PandaPon does not show is confirmed: false (a signature is not the truth)', async () => {
		const h = await host({ signatureCheck: 'reject' });
		const order = unpaid();
		const claim = push('ORDER_CANCEL', {
			...order,
			orderStatus: 6,
			closeReason: 'buyerCancel',
		} as Order);
		expect((await post(h.url, claim, sign(claim))).status).toBe(200);
		expect(h.executions[0][0].json).toMatchObject({ signature: 'valid', confirmed: false });
		const ghost = push('ORDER_CREATE', { ...order, tbOrderId: '2542000000000000001' } as Order);
		await post(h.url, ghost, sign(ghost));
		expect(h.executions[1][0].json).toMatchObject({
			confirmed: false,
			confirmReason: "PandaPon's order list has no order 2542000000000000001",
		});
	});

	it('Unconfirmed Pushes: Do Not Start: only confirmed pushes start the workflow; an unconfirmed one gets 503 (PandaPon sends it again)', async () => {
		const h = await host({ options: { unconfirmed: 'skip' } });
		const order = unpaid();
		const forged = push('ORDER_PAY_SUCCESS', { ...order, payStatus: 2 } as Order);
		expect((await post(h.url, forged)).status).toBe(503);
		server.store.modifyPrice(order.tbOrderId, 999, 0);
		const real = push('ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', server.store.get(order.tbOrderId)!);
		expect((await post(h.url, real, sign(real))).status).toBe(200);
		expect(h.executions.map((e) => [e[0].json.type, e[0].json.confirmed])).toEqual([
			['ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', true],
		]);
	});

	it.each(['bodyAndTimestamp', 'base64', 'bodyWithoutBom'] as const)(
		'the local server signing by another recipe (%s): the push is flagged invalid, yet PandaPon confirms it',
		async (recipe) => {
			const h = await host({ signatureCheck: 'flag' });
			const order = unpaid();
			server.store.pay(order.tbOrderId);
			const delivery = await server.callbacks.push(
				CallbackPusher.fromOrder('ORDER_PAY_SUCCESS', server.store.get(order.tbOrderId)!),
				h.url,
				{ kind: 'recipe', recipe },
				{ bom: recipe === 'bodyWithoutBom' },
			);
			expect(delivery.delivered).toBe(true);
			expect(h.executions[0][0].json).toMatchObject({ signature: 'invalid', confirmed: true });
		},
	);

	it('the local server pushing a BOM (signed over the bytes sent) and other envelope field names: read, or kept as not understood', async () => {
		const h = await host({ signatureCheck: 'reject' });
		const order = unpaid();
		const withBom = await server.callbacks.push(
			CallbackPusher.fromOrder('ORDER_CREATE', order),
			h.url,
			{ kind: 'valid' },
			{ bom: true },
		);
		expect(withBom.delivered).toBe(true);
		expect(h.executions[0][0].json).toMatchObject({
			type: 'ORDER_CREATE',
			signature: 'valid',
			confirmed: true,
		});
		const renamed = await server.callbacks.push(
			JSON.stringify({
				type: '1688_ORDER_CREATE',
				platform: 1,
				time: String(Date.now()),
				body: { orderId: order.tbOrderId },
			}),
			h.url,
		);
		expect(renamed.delivered).toBe(true);
		expect(h.executions[1][0].json).toMatchObject({
			type: 'NOT_UNDERSTOOD',
			signature: 'valid',
			understood: false,
		});
	});

	it('with the signature check Off, pushes are still confirmed with the selected credential', async () => {
		const h = await host({ signatureCheck: 'off' });
		const order = unpaid();
		const forged = push('ORDER_PAY_SUCCESS', { ...order, payStatus: 2 } as Order);
		expect((await post(h.url, forged)).status).toBe(200);
		expect(h.executions[0][0].json).toMatchObject({ signature: 'unchecked', confirmed: false });
	});

	it('when PandaPon cannot be asked, the push still starts, confirmed: "unknown" with the reason; one read per push', async () => {
		const h = await host();
		const order = unpaid();
		server.resetStats();
		server.setFaults([{ kind: 'status', status: 503, path: '/v2/alibaba/order/page', times: -1 }]);
		const body = push('ORDER_CREATE', order);
		expect((await post(h.url, body, sign(body))).status).toBe(200);
		server.clearFaults();
		expect(h.executions[0][0].json).toMatchObject({ confirmed: 'unknown' });
		expect(String(h.executions[0][0].json.confirmReason)).toMatch(
			/PandaPon could not be asked: .*HTTP 503/,
		);
		expect(server.count('POST /v2/alibaba/order/page')).toBeLessThanOrEqual(2);
	});
});
