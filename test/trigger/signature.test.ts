/**
 * The trigger checks PandaPon's push signature (doc-cnv2.pandapon.com/doc-6521894: Authorization = hex
 * HMAC-SHA256 of the body, keyed by the Access Secret) and keeps authentic pushes it does not understand.
 * The local server signs every push it sends the same way.
 */
import axios from 'axios';

import { NOT_UNDERSTOOD } from '../../nodes/PandaPon/model/pushMessage';
import { checkPushSignature, signPush } from '../../nodes/PandaPon/model/pushSignature';
import { startServer, type PandaPonServer } from '../../packages/local-server/src/app';
import { CallbackPusher } from '../../packages/local-server/src/callbacks';
import { ORDER_STATUS } from '../../packages/local-server/src/store';
import { useWebhookHosts, type WebhookHost } from '../support/webhookHost';

const SECRET = 'K7pQ2vX9mZ4tR8wL1nB6yH3cF5jD0sGa';
const BODY =
	'{"messageType":"1688_ORDER_PAY_SUCCESS","messagePlatform":1,"timestamp":"1745486263913","messageBody":"{\\"orderId\\":\\"2542285634920880794\\"}"}';

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
	axios.post(url, body, {
		headers: { 'Content-Type': 'application/json', ...headers },
		validateStatus: () => true,
		transformRequest: (b) => b,
	});

/** A pay message with its own order id (so duplicates never hide an execution). */
let counter = 0;
const message = () =>
	JSON.stringify({
		messageType: '1688_ORDER_PAY_SUCCESS',
		messagePlatform: 1,
		timestamp: String(Date.now()),
		messageBody: { orderId: `25422856349208${String(++counter).padStart(5, '0')}` },
	});
const signedWith = (body: string, secret = SECRET) => ({ Authorization: signPush(body, secret) });

describe('push signature', () => {
	it('is hex HMAC-SHA256 of the raw body keyed by the Access Secret (openssl vector), compared case-insensitively', () => {
		expect(signPush(BODY, SECRET)).toBe(
			'f45e19eb267d3fecfc03ceece107f631c40a6fe1d4b5b762f4a005f6537a8ada',
		);
		expect(
			checkPushSignature(
				'F45E19EB267D3FECFC03CEECE107F631C40A6FE1D4B5B762F4A005F6537A8ADA',
				BODY,
				SECRET,
			),
		).toBe('valid');
		expect(
			checkPushSignature(
				' f45e19eb267d3fecfc03ceece107f631c40a6fe1d4b5b762f4a005f6537a8ada ',
				Buffer.from(BODY),
				SECRET,
			),
		).toBe('valid');
		expect(checkPushSignature(signPush(BODY, 'other-secret'), BODY, SECRET)).toBe('invalid');
		expect(checkPushSignature('f45e19eb', BODY, SECRET)).toBe('invalid');
		expect(checkPushSignature(signPush(`${BODY} `, SECRET), BODY, SECRET)).toBe('invalid');
		expect(checkPushSignature(undefined, BODY, SECRET)).toBe('missing');
		expect(checkPushSignature('', BODY, SECRET)).toBe('missing');
	});
});

describe('PandaPon Trigger: signature check', () => {
	const host = useWebhookHosts({ credentials: { accessSecret: SECRET } });
	const signatures = (h: WebhookHost) => h.executions.map((e) => e[0].json.signature);

	it('Learn (default): flags until a correctly signed push arrives, then refuses forgeries — also after a restart', async () => {
		const h = await host({ workflowId: 'learn-1' });
		expect((await post(h.url, message())).status).toBe(200);
		const forged = message();
		expect((await post(h.url, forged, signedWith(forged, 'other-secret'))).status).toBe(200);
		expect(signatures(h)).toEqual(['missing', 'invalid']);

		const real = message();
		expect((await post(h.url, real, signedWith(real))).status).toBe(200);
		expect(signatures(h)).toEqual(['missing', 'invalid', 'valid']);

		// From now on: unsigned, mis-signed or other-secret pushes get 401 and start nothing.
		const m = message();
		expect((await post(h.url, m)).status).toBe(401);
		expect(
			(await post(h.url, m, { Authorization: 'B7F83FE2ADC8D8F044F2E01F0FFE8C80' })).status,
		).toBe(401);
		expect((await post(h.url, m, signedWith(m, 'other-secret'))).status).toBe(401);
		expect(h.executions).toHaveLength(3);
		expect((await post(h.url, m, signedWith(m))).status).toBe(200);
		expect(h.executions).toHaveLength(4);

		// n8n restarted (another process, same saved static data): still strict.
		const restarted = await host({
			workflowId: 'learn-1-after-restart',
			staticData: h.persisted(),
		});
		const n = message();
		expect((await post(restarted.url, n)).status).toBe(401);
		expect(restarted.executions).toHaveLength(0);
	});

	it('Reject: unsigned, wrong or other-secret pushes get 401 and start nothing; a signed one starts exactly one execution', async () => {
		const h = await host({ parameters: { signatureCheck: 'reject' } });
		const m = message();
		const answers = [
			await post(h.url, m),
			await post(h.url, m, { Authorization: 'not-hex' }),
			await post(h.url, m, signedWith(m, 'other-secret')),
		];
		expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
		expect(answers[0].data).toEqual({ message: 'signature required' });
		expect(answers[1].data).toEqual({ message: 'signature does not match' });
		expect(h.executions).toHaveLength(0);
		expect((await post(h.url, m, signedWith(m))).status).toBe(200);
		expect(h.executions).toHaveLength(1);
		expect(h.executions[0][0].json).toMatchObject({
			signature: 'valid',
			understood: true,
			type: 'ORDER_PAY_SUCCESS',
		});
	});

	it('Reject still answers the console’s Verify call (GET, empty POST) with 200; an unsigned non-empty body gets 401, never a silent 200', async () => {
		const h = await host({ parameters: { signatureCheck: 'reject' } });
		expect((await axios.get(h.url, { validateStatus: () => true })).status).toBe(200);
		expect((await post(h.url, '')).status).toBe(200);
		expect((await post(h.url, '{"verify":true}')).status).toBe(401);
		expect(h.executions).toHaveLength(0);
		const signed = '{"verify":true}';
		expect((await post(h.url, signed, signedWith(signed))).status).toBe(200);
		expect(h.executions[0][0].json).toMatchObject({
			understood: false,
			signature: 'valid',
			reason: 'no messageType or messageBody',
		});
	});

	it('Flag: every push starts, marked valid, invalid or missing (upper-case hex is valid)', async () => {
		const h = await host({ parameters: { signatureCheck: 'flag' } });
		const a = message();
		const b = message();
		const c = message();
		await post(h.url, a, { Authorization: signPush(a, SECRET).toUpperCase() });
		await post(h.url, b, signedWith(b, 'other-secret'));
		await post(h.url, c);
		expect(signatures(h)).toEqual(['valid', 'invalid', 'missing']);
		// Flag never turns strict.
		expect((await post(h.url, message())).status).toBe(200);
	});

	it('Off, or no credential selected: nothing is checked and items say "unchecked"', async () => {
		const off = await host({ parameters: { signatureCheck: 'off' } });
		await post(off.url, message(), { Authorization: 'garbage' });
		const none = await host({ credentials: undefined, parameters: { signatureCheck: 'reject' } });
		await post(none.url, message());
		expect([...signatures(off), ...signatures(none)]).toEqual(['unchecked', 'unchecked']);
	});

	describe('authentic pushes the node does not understand', () => {
		const odd =
			'{"messageType":"1688_ORDER_STATUS_CHANGE","messagePlatform":9,"messageBody":{"orderId":2542285634920880794,"status":"NEW"}}';

		it('a signed push outside the documented envelope is answered 200 and reaches the workflow, raw body kept, ids exact', async () => {
			const h = await host();
			const answer = await post(h.url, odd, signedWith(odd));
			expect(answer.status).toBe(200);
			expect(h.executions).toHaveLength(1);
			const item = h.executions[0][0].json;
			expect(item).toMatchObject({
				understood: false,
				type: NOT_UNDERSTOOD,
				signature: 'valid',
				rawBody: odd,
			});
			expect(item.reason).toMatch(/messagePlatform/);
			expect((item.body as { messageBody: { orderId: string } }).messageBody.orderId).toBe(
				'2542285634920880794',
			);
			// A re-push of it is a duplicate.
			await post(h.url, odd, signedWith(odd));
			expect(h.executions).toHaveLength(1);
		});

		it('a signed JSON body without messageType or messageBody is kept too (not taken for a Verify call)', async () => {
			const h = await host();
			const body = '{"orderId":"2542285634920880794","event":"new"}';
			expect((await post(h.url, body, signedWith(body))).status).toBe(200);
			expect(h.executions[0][0].json).toMatchObject({ understood: false, signature: 'valid' });
		});

		it('the events filter decides; excluded, it is refused with 422 and logged (PandaPon re-sends it), never a silent 200', async () => {
			const excluded = await host({ parameters: { events: ['ORDER_PAY_SUCCESS'] } });
			expect((await post(excluded.url, odd, signedWith(odd))).status).toBe(422);
			expect(excluded.executions).toHaveLength(0);
			expect(excluded.warnings.join('\n')).toMatch(
				/could not read was refused with 422.*Not Understood/,
			);
			const chosen = await host({ parameters: { events: [NOT_UNDERSTOOD], platform: '1688' } });
			expect((await post(chosen.url, odd, signedWith(odd))).status).toBe(200);
			expect(chosen.executions).toHaveLength(1);
		});

		it('unsigned, or not JSON at all, it is refused with 400 and starts nothing', async () => {
			const h = await host();
			expect((await post(h.url, odd)).status).toBe(400);
			const text = 'messageType=ORDER_CREATE';
			expect((await post(h.url, text, signedWith(text))).status).toBe(400);
			expect(h.executions).toHaveLength(0);
		});
	});

	describe('the local server signs every push', () => {
		let server: PandaPonServer;
		beforeAll(async () => {
			server = await startServer({
				seedOrders: 20,
				callbackRetryDelaysMs: [20, 20],
				accessSecret: SECRET,
			});
		});
		afterAll(() => server.close());

		it('order events arrive correctly signed; a forged push (no or other secret) is refused in Reject mode and retried', async () => {
			const h = await host({ parameters: { signatureCheck: 'reject' } });
			server.callbacks.url = h.url;
			const order = server.store.all().find((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)!;
			server.store.pay(order.tbOrderId);
			await new Promise((r) => setTimeout(r, 150));
			expect(h.executions.map((e) => [e[0].json.type, e[0].json.signature])).toEqual([
				['ORDER_PAY_SUCCESS', 'valid'],
			]);

			const unsigned = await server.callbacks.push(
				CallbackPusher.fromOrder('ORDER_CANCEL', order),
				h.url,
				{ kind: 'none' },
			);
			const otherSecret = await server.callbacks.push(
				CallbackPusher.fromOrder('ORDER_CANCEL', order),
				h.url,
				{ kind: 'secret', secret: 'x' },
			);
			expect(unsigned.attempts.map((a) => a.status)).toEqual([401, 401, 401]);
			expect(otherSecret.delivered).toBe(false);
			expect(h.executions).toHaveLength(1);
		});
	});
});
