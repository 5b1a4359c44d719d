/** The local PandaPon server, probed with plain signed and badly signed HTTP requests. */
import axios from 'axios';
import { spawn } from 'child_process';
import os from 'os';
import path from 'path';

import { computeSignature, createNonce } from '../../nodes/PandaPon/model/requestSignature';
import { parseJson } from '../../nodes/PandaPon/model/json';
import { startServer, type PandaPonServer } from '../../packages/local-server/src/app';

const keys = { accessKey: 'b'.repeat(32), accessSecret: 'another-secret', userId: '42' };

function signed(
	overrides: Record<string, string | undefined> = {},
	timestamp = String(Math.floor(Date.now() / 1000)),
) {
	const nonce = createNonce();
	const headers: Record<string, string | undefined> = {
		'access-key': keys.accessKey,
		timestamp,
		'nonce-str': nonce,
		'user-id': keys.userId,
		signature: computeSignature(keys.accessKey, timestamp, nonce, keys.accessSecret),
		...overrides,
	};
	return Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
		string,
		string
	>;
}

describe('local PandaPon server', () => {
	let server: PandaPonServer;
	const post = async (
		headers: Record<string, string>,
		body: unknown = { pageNum: 1, pageSize: 5 },
	) => {
		const response = await axios.post(`${server.url}/v2/alibaba/order/page`, JSON.stringify(body), {
			headers: { ...headers, 'Content-Type': 'application/json' },
			transformResponse: (t) => t,
			validateStatus: () => true,
		});
		return {
			status: response.status,
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- probing raw answers
			body: parseJson(response.data as string) as Record<string, any>,
		};
	};

	beforeAll(async () => {
		server = await startServer({ ...keys, seedOrders: 1200 });
	});
	afterAll(() => server.close());

	it('accepts a correctly signed request (seconds) and answers the envelope', async () => {
		const { status, body } = await post(signed());
		expect(status).toBe(200);
		expect(body.code).toBe(200);
		expect(body.requestId).toMatch(/^[0-9a-f]{32}$/);
		expect(body.data.total).toBe(1200);
		expect(body.data.data).toHaveLength(5);
	});

	it('accepts milliseconds and the no-nonce variant', async () => {
		expect((await post(signed({}, String(Date.now())))).body.code).toBe(200);
		const ts = String(Math.floor(Date.now() / 1000));
		const noNonce = signed(
			{
				'nonce-str': undefined,
				signature: computeSignature(keys.accessKey, ts, '', keys.accessSecret),
			},
			ts,
		);
		expect((await post(noNonce)).body.code).toBe(200);
	});

	it.each([
		['a wrong signature', { signature: 'B7F83FE2ADC8D8F044F2E01F0FFE8C80' }, /signature mismatch/],
		['a missing signature', { signature: undefined }, /missing header signature/],
		['a missing access-key', { 'access-key': undefined }, /missing header access-key/],
		['a missing timestamp', { timestamp: undefined }, /missing header timestamp/],
		['a missing user-id', { 'user-id': undefined }, /missing header user-id/],
		['another access key', { 'access-key': 'c'.repeat(32) }, /unknown access key/],
		['another user id', { 'user-id': '43' }, /user-id does not belong/],
	])('refuses %s with a non-200 code and a clear msg', async (_name, overrides, msg) => {
		const { status, body } = await post(signed(overrides));
		expect(status).toBe(200);
		expect(body.code).toBe(401);
		expect(body.msg).toMatch(msg);
		expect(body.data).toBeNull();
	});

	it('refuses a timestamp outside ±600 s, in seconds or milliseconds', async () => {
		const stale = String(Math.floor(Date.now() / 1000) - 601);
		expect((await post(signed({}, stale))).body.msg).toMatch(/600 s/);
		const future = String(Date.now() + 601_000);
		expect((await post(signed({}, future))).body.msg).toMatch(/600 s/);
		const edge = String(Math.floor(Date.now() / 1000) - 590);
		expect((await post(signed({}, edge))).body.code).toBe(200);
	});

	it('seeds realistic orders: 19-digit string ids, fen amounts, JSON-string fields', async () => {
		const { body } = await post(signed(), { pageNum: 1, pageSize: 50 });
		for (const order of body.data.data) {
			for (const id of [order.id, order.orderNo, order.tbOrderId, order.developId])
				expect(id).toMatch(/^\d{19}$/);
			expect(order.totalAmount).toBe(order.productAmount + order.shippingFee - order.discount);
			expect(JSON.parse(order.cargoParamList)[0]).toHaveProperty('specId');
			expect(JSON.parse(order.receiver)).toHaveProperty('toArea');
			expect(JSON.parse(order.orderJson).result.orderId).toBe(order.tbOrderId);
			expect(order.orderDetailInfoVOS[0].subTbOrderId).toMatch(/^\d{19}$/);
		}
	});

	it('filters by every listed field and pages with pageNum/pageSize', async () => {
		const all = server.store.all();
		const sample = all[37];
		expect(
			(await post(signed(), { pageNum: 1, pageSize: 10, tbOrderId: sample.tbOrderId })).body.data
				.data[0].id,
		).toBe(sample.id);
		expect(
			(await post(signed(), { pageNum: 1, pageSize: 10, orderNo: sample.orderNo })).body.data.total,
		).toBe(1);
		const byStatus = await post(signed(), { pageNum: 1, pageSize: 10, orderStatus: 1 });
		expect(byStatus.body.data.total).toBe(all.filter((o) => o.orderStatus === 1).length);
		const byUser = await post(signed(), { pageNum: 1, pageSize: 10, userIdList: [sample.userId] });
		expect(byUser.body.data.total).toBe(all.filter((o) => o.userId === sample.userId).length);
		const since = all[10].createTime;
		const byTime = await post(signed(), { pageNum: 1, pageSize: 100, orderTimeBegin: since });
		expect(byTime.body.data.total).toBe(all.filter((o) => o.createTime >= since).length);
		const page2 = await post(signed(), { pageNum: 2, pageSize: 10 });
		expect(page2.body.data.data[0].id).toBe(all[10].id);
	});

	it('answers bad bodies with code 400 and says which field', async () => {
		const { body } = await post(signed(), { pageNum: 0, pageSize: 10 });
		expect(body.code).toBe(400);
		expect(body.msg).toMatch(/pageNum/);
	});
});

describe('npm run server', () => {
	it('prints its URL once it accepts requests, with keys from the environment', async () => {
		const child = spawn(
			process.execPath,
			[
				require.resolve('tsx/cli'),
				path.join(__dirname, '..', '..', 'packages', 'local-server', 'src', 'main.ts'),
			],
			{
				env: {
					...process.env,
					PORT: '0',
					PANDAPON_ACCESS_KEY: 'k'.repeat(32),
					PANDAPON_ACCESS_SECRET: 's',
					PANDAPON_USER_ID: '7',
					PANDAPON_SEED_ORDERS: '1000',
				},
			},
		);
		try {
			const url = await new Promise<string>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
					if (match) resolve(match[0]);
				});
				child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
			});
			const ts = String(Math.floor(Date.now() / 1000));
			const response = await axios.post(
				`${url}/v2/alibaba/order/page`,
				'{"pageNum":1,"pageSize":1}',
				{
					headers: {
						'Content-Type': 'application/json',
						'access-key': 'k'.repeat(32),
						timestamp: ts,
						'nonce-str': 'abc',
						'user-id': '7',
						signature: computeSignature('k'.repeat(32), ts, 'abc', 's'),
					},
				},
			);
			expect(response.data.code).toBe(200);
			expect(response.data.data.total).toBe(1000);
		} finally {
			child.kill('SIGTERM');
		}
	});

	it('says on every answer that it is simulated, and in every order', async () => {
		const local = await startServer({ ...keys, seedOrders: 2 });
		try {
			const answer = await axios.post(
				`${local.url}/v2/alibaba/order/page`,
				'{"pageNum":1,"pageSize":1}',
				{
					headers: { ...signed(), 'Content-Type': 'application/json' },
				},
			);
			expect(answer.headers['x-pandapon-simulated']).toMatch(
				/local test server: no real orders, no real money/,
			);
			expect(answer.data.data.data[0].developerAlias).toBe(
				'PandaPon local test server (simulated order)',
			);
			expect(
				(await axios.get(`${local.url}/__admin/health`)).headers['x-pandapon-simulated'],
			).toBeDefined();
		} finally {
			await local.close();
		}
	});

	// The admin endpoints are unsigned and can ship, refund and push anything: this machine only, unless enabled.
	const outside = Object.values(os.networkInterfaces())
		.flat()
		.find((a) => a?.family === 'IPv4' && !a.internal)?.address;
	(outside ? it : it.skip)(
		`answers /__admin only to this machine unless adminFromAnywhere (via ${outside ?? 'no outside address'})`,
		async () => {
			for (const adminFromAnywhere of [false, true]) {
				const open = await startServer({ seedOrders: 1, host: '0.0.0.0', adminFromAnywhere });
				try {
					const port = new URL(open.url).port;
					const fromOutside = await axios.get(`http://${outside}:${port}/__admin/health`, {
						validateStatus: () => true,
					});
					expect(fromOutside.status).toBe(adminFromAnywhere ? 200 : 403);
					expect((await axios.get(`${open.url}/__admin/health`)).status).toBe(200);
				} finally {
					await open.close();
				}
			}
		},
	);
});
