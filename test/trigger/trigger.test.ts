/** PandaPon Trigger: the local server pushes real callbacks to the node's webhook over HTTP. */
import axios from 'axios';

import { MESSAGE_TYPES } from '../../nodes/PandaPon/model/pushMessage';
import { startServer, type PandaPonServer } from '../../packages/local-server/src/app';
import { CallbackPusher } from '../../packages/local-server/src/callbacks';
import { ORDER_STATUS } from '../../packages/local-server/src/store';
import { WebhookHost, type HostOptions } from '../support/webhookHost';

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
	axios.post(url, body, {
		headers: { 'Content-Type': 'application/json', ...headers },
		validateStatus: () => true,
		transformRequest: (b) => b,
	});

describe('PandaPon Trigger', () => {
	let server: PandaPonServer;
	let host: WebhookHost;

	async function useHost(options: HostOptions = {}) {
		await host?.close();
		host = new WebhookHost(options);
		await host.listen();
		server.callbacks.url = host.url;
		return host;
	}

	beforeAll(async () => {
		server = await startServer({ seedOrders: 200, callbackRetryDelaysMs: [50, 50] });
	});
	afterAll(async () => {
		await host?.close();
		await server.close();
	});

	it('parses every known event type, 1688 and Taobao, prefixed or bare', async () => {
		await useHost();
		const sent: object[] = [];
		for (const { value } of MESSAGE_TYPES) {
			for (const [type, platform] of [
				[`1688_${value}`, 1],
				[`TAOBAO_${value}`, 0],
				[value, 1],
			] as const) {
				const body = {
					messageType: type,
					messagePlatform: platform,
					timestamp: '1745486263913',
					messageBody: { orderId: `${sent.length}` },
				};
				sent.push(body);
				expect((await post(host.url, JSON.stringify(body))).status).toBe(200);
			}
		}
		expect(host.executions).toHaveLength(sent.length);
		const first = host.executions[0][0].json;
		expect(first).toMatchObject({
			type: 'ORDER_CREATE',
			messageType: '1688_ORDER_CREATE',
			platform: '1688',
			pushedAt: '2025-04-24T09:17:43.913Z',
		});
		expect(host.executions[1][0].json.platform).toBe('taobao');
	});

	it('reads string and object bodies, keeping 19-digit ids exact', async () => {
		await useHost();
		const order = server.store.all().find((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)!;
		await server.callbacks.push(CallbackPusher.fromOrder('ORDER_CREATE', order)); // messageBody: JSON string
		await server.callbacks.push(
			CallbackPusher.fromOrder('ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', order),
		); // object with bare 19-digit ids
		const [created, price] = host.executions.map((e) => e[0].json as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
		expect(created.body.orderId).toBe(order.tbOrderId);
		expect(created.body.orderStatus).toBe('WAITING_FOR_PAYMENT');
		// The message's fen amounts, also in yuan.
		expect(created.amountsYuan.totalAmount).toBe(created.body.totalAmount / 100);
		expect(created.amountsYuan.shippingFee).toBe(created.body.shippingFee / 100);
		expect(price.type).toBe('ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY');
		expect(price.body.baseInfo.id).toBe(order.tbOrderId);
		expect(typeof price.raw.messageBody).toBe('object');
	});

	it('the local server pushes on order state changes, and retries until acknowledged', async () => {
		await useHost();
		const order = server.store.all().find((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)!;
		server.store.modifyPrice(order.tbOrderId, 0, 100);
		server.store.pay(order.tbOrderId);
		await new Promise((r) => setTimeout(r, 200));
		expect(host.executions.map((e) => e[0].json.type)).toEqual([
			'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY',
			'ORDER_PAY_SUCCESS',
		]);

		// A refused push (wrong token) is retried, then given up; each attempt starts nothing.
		await useHost({ parameters: { options: { token: 'secret-token' } } });
		const delivery = await server.callbacks.push(CallbackPusher.fromOrder('ORDER_CANCEL', order));
		expect(delivery.delivered).toBe(false);
		expect(delivery.attempts.map((a) => a.status)).toEqual([401, 401, 401]);
		expect(host.executions).toHaveLength(0);
	});

	it('filters by type and marketplace; filtered messages get 200 and start nothing', async () => {
		await useHost({
			parameters: {
				events: ['ORDER_PAY_SUCCESS'],
				otherTypes: 'TAOBAO_ORDER_STATUS_CHANGE',
				platform: '1688',
			},
		});
		const send = (messageType: string, messagePlatform: number) =>
			post(
				host.url,
				JSON.stringify({
					messageType,
					messagePlatform,
					timestamp: '1',
					messageBody: { n: messageType + messagePlatform },
				}),
			);
		expect((await send('1688_ORDER_PAY_SUCCESS', 1)).status).toBe(200);
		expect((await send('1688_ORDER_CREATE', 1)).status).toBe(200);
		expect((await send('TAOBAO_ORDER_PAY_SUCCESS', 0)).status).toBe(200);
		expect((await send('ORDER_STATUS_CHANGE', 1)).status).toBe(200);
		expect(host.executions.map((e) => e[0].json.messageType)).toEqual([
			'1688_ORDER_PAY_SUCCESS',
			'ORDER_STATUS_CHANGE',
		]);
	});

	it('starts one execution per identical message, even across a restart; a new timestamp is still a duplicate', async () => {
		await useHost();
		const message = (timestamp: string) =>
			JSON.stringify({
				messageType: '1688_ORDER_CANCEL',
				messagePlatform: 1,
				timestamp,
				messageBody: { orderId: '2542285634920880794', b: 1 },
			});
		await Promise.all([
			post(host.url, message('1')),
			post(host.url, message('1')),
			post(host.url, message('2')),
		]);
		expect(host.executions).toHaveLength(1);
		expect(host.answers).toEqual([200, 200, 200]);

		const saved = host.persisted();
		await useHost({ staticData: saved }); // n8n restarted with the saved static data
		await post(host.url, message('3'));
		const reordered = JSON.stringify({
			messageType: 'ORDER_CANCEL',
			messagePlatform: '1',
			timestamp: '4',
			messageBody: '{"b":1,"orderId":2542285634920880794}',
		});
		await post(host.url, reordered);
		expect(host.executions).toHaveLength(0);
		await post(
			host.url,
			JSON.stringify({
				messageType: '1688_ORDER_CANCEL',
				messagePlatform: 1,
				timestamp: '5',
				messageBody: { orderId: '2542285634920880795', b: 1 },
			}),
		);
		expect(host.executions).toHaveLength(1);
	});

	it('answers PandaPon at once by default, or only after n8n stored the execution when asked', async () => {
		const body = (orderId: string) =>
			JSON.stringify({
				messageType: '1688_ORDER_PAY_SUCCESS',
				messagePlatform: 1,
				messageBody: { orderId },
			});
		await useHost();
		expect((await post(host.url, body('2542285634920880794'))).status).toBe(200);
		expect(host.answeredBeforeStart).toEqual([true]);
		await useHost({ parameters: { options: { answer: 'afterStored' } } });
		expect((await post(host.url, body('2542285634920880795'))).status).toBe(200);
		expect(host.answeredBeforeStart).toEqual([false]);
		expect(host.executions).toHaveLength(1);
	});

	it('answers the console’s Verify call (GET, empty POST) with 200 and no execution; a foreign JSON body reaches the workflow flagged Not Understood', async () => {
		await useHost();
		expect((await axios.get(host.url, { validateStatus: () => true })).status).toBe(200);
		expect((await post(host.url, '')).status).toBe(200);
		expect(host.executions).toHaveLength(0);
		expect((await post(host.url, '{"verify":true}')).status).toBe(200);
		expect(host.executions).toHaveLength(1);
		expect(host.executions[0][0].json).toMatchObject({
			type: 'NOT_UNDERSTOOD',
			understood: false,
			signature: 'unchecked',
			body: { verify: true },
		});
	});

	it('refuses malformed bodies with 400, without echoing them, and starts nothing', async () => {
		await useHost();
		for (const body of [
			'not json <script>',
			'[1,2]',
			'{"messageType":"1688_ORDER_CREATE","messagePlatform":7,"messageBody":{}}',
			'{"messageType":"1688_ORDER_CREATE","messagePlatform":1,"messageBody":"{oops"}',
			'{"messageType":"","messagePlatform":1,"messageBody":{}}',
		]) {
			const answer = await post(host.url, body);
			expect(answer.status).toBe(400);
			expect(JSON.stringify(answer.data)).not.toContain('script');
		}
		expect(host.executions).toHaveLength(0);
	});

	it('with a shared token, turns away requests without it (401) or with another (403)', async () => {
		await useHost({ parameters: { options: { token: 's3cret' } } });
		const body = JSON.stringify({
			messageType: '1688_ORDER_CREATE',
			messagePlatform: 1,
			messageBody: { a: 1 },
		});
		expect((await post(host.url, body)).status).toBe(401);
		expect((await post(`${host.url}?token=nope`, body)).status).toBe(403);
		expect(host.executions).toHaveLength(0);
		expect((await post(`${host.url}?token=s3cret`, body)).status).toBe(200);
		expect(
			(
				await post(host.url, JSON.stringify({ ...JSON.parse(body), messageBody: { a: 2 } }), {
					'X-PandaPon-Token': 's3cret',
				})
			).status,
		).toBe(200);
		expect(host.executions).toHaveLength(2);
	});

	it('answers a burst of 300 callbacks (10% duplicates, 5% malformed) and runs each valid one exactly once', async () => {
		await useHost();
		const bodies: string[] = [];
		for (let i = 0; i < 255; i++)
			bodies.push(
				JSON.stringify({
					messageType: '1688_ORDER_PAY_SUCCESS',
					messagePlatform: 1,
					timestamp: String(i),
					messageBody: JSON.stringify({ orderId: `25422856349208${String(i).padStart(5, '0')}` }),
				}),
			);
		for (let i = 0; i < 30; i++) bodies.push(bodies[i * 7]);
		for (let i = 0; i < 15; i++) bodies.push('{"messageType":');
		const answers = await Promise.all(bodies.map((b) => post(host.url, b)));
		expect(answers.filter((a) => a.status === 200)).toHaveLength(285);
		expect(answers.filter((a) => a.status === 400)).toHaveLength(15);
		const ids = host.executions.map((e) => (e[0].json.body as { orderId: string }).orderId);
		expect(ids).toHaveLength(255);
		expect(new Set(ids).size).toBe(255);
	});
});
