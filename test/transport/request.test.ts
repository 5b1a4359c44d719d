/**
 * The transport through n8n's engine against the local server's fault injection: envelope errors, retries of
 * reads, no repeat of writes, non-JSON answers. The server counts every request it receives.
 */
import { englishFor } from '../../nodes/PandaPon/model/apiMessages';
import { useLocalServer } from '../support/localServer';

const LIST = 'POST /v2/alibaba/order/page';
const CANCEL = 'POST /v2/alibaba/order/cancel';
const list = { resource: 'order', operation: 'getAll', returnAll: false, limit: 2 };

describe('transport', () => {
	const local = useLocalServer();

	beforeEach(() => {
		local.server.clearFaults();
		local.server.resetStats();
	});

	function unpaidOrderId(): string {
		const order = local.server.store.all().find((o) => o.orderStatus === 1);
		if (!order) throw new Error('no unpaid order in the seed');
		return order.tbOrderId;
	}

	it('turns a non-200 code into an error with PandaPon’s code, msg and requestId, never the secret', async () => {
		local.server.setFaults([
			{ path: '/v2/alibaba/order/page', kind: 'code', code: 4031, msg: '权限不足 (no permission)' },
		]);
		const result = await local.run(list);
		expect(result.error?.message).toBe('Item 1: PandaPon error 4031: 权限不足 (no permission)');
		expect(result.error?.description).toMatch(/requestId: [0-9a-f]{32}/);
		expect(JSON.stringify(result.run)).not.toContain(local.server.keys.accessSecret);
		expect(local.server.count(LIST)).toBe(1); // a refusal is an answer: not retried
	});

	it('retries a read on 503 and succeeds', async () => {
		local.server.setFaults([
			{ path: '/v2/alibaba/order/page', kind: 'status', status: 503, times: 2 },
		]);
		const out = await local.json(list);
		expect(out).toHaveLength(2);
		expect(local.server.count(LIST)).toBe(3);
	});

	it('retries a read on 429 with Retry-After, and on 429 without it', async () => {
		local.server.setFaults([
			{ path: '/v2/alibaba/order/page', kind: 'rateLimit', retryAfter: '1' },
			{ path: '/v2/alibaba/order/page', kind: 'rateLimit' },
		]);
		const started = Date.now();
		const out = await local.json(list);
		expect(out).toHaveLength(2);
		expect(local.server.count(LIST)).toBe(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // waited as told
	});

	it('retries a read after a connection reset', async () => {
		local.server.setFaults([{ path: '/v2/alibaba/order/page', kind: 'reset' }]);
		expect(await local.json(list)).toHaveLength(2);
		expect(local.server.count(LIST)).toBe(2);
	});

	it('gives up on a read after four attempts with a clear HTTP error', async () => {
		local.server.setFaults([
			{ path: '/v2/alibaba/order/page', kind: 'status', status: 500, times: -1 },
		]);
		const result = await local.run(list);
		expect(result.error?.message).toMatch(/^Item 1: PandaPon answered HTTP 500/);
		expect(result.error?.description).toContain('after 4 attempt(s)');
		expect(local.server.count(LIST)).toBe(4);
	});

	it('never repeats a cancel on 503', async () => {
		local.server.setFaults([{ path: '/v2/alibaba/order/cancel', kind: 'status', status: 503 }]);
		const orderId = unpaidOrderId();
		const result = await local.run(
			{ resource: 'order', operation: 'cancel', orderId, cancelReason: 'buyerCancel' },
			{ credentials: { ...local.credentials, timeoutSeconds: 1 } },
		);
		expect(result.error?.message).toMatch(/HTTP 503/);
		expect(local.server.count(CANCEL)).toBe(1);
		expect(local.server.store.get(orderId)?.orderStatus).toBe(1); // still unpaid, nothing happened twice
	});

	it('never repeats a cancel after a connection reset, and says why', async () => {
		local.server.setFaults([{ path: '/v2/alibaba/order/cancel', kind: 'reset' }]);
		// A 1 s request timeout: the settling reads then span 1 s + 2 s.
		const result = await local.run(
			{ resource: 'order', operation: 'cancel', orderId: unpaidOrderId(), cancelReason: 'x' },
			{ credentials: { ...local.credentials, timeoutSeconds: 1 } },
		);
		// In the message itself: an AI agent is handed the message only. Still open proves nothing (a cancel can
		// land after its answer is lost), so it is "could not tell", never "safe".
		expect(result.error?.message).toEqual(
			expect.stringMatching(
				/^Item 1: Could not reach PandaPon \(the connection failed or was cut\)\. This request may have reached PandaPon and taken effect; it was not repeated, and a check with PandaPon could not tell \(order \d{19} is still open and awaiting payment, which a cancel PandaPon is still working on would also show; read 4 times over 3 s\)\. Do not send it again before you check the order list \(1688 Order → Get Many: payStatus, orderStatus\)\.$/,
			),
		);
		expect(local.server.count(CANCEL)).toBe(1);
	});

	it('explains an HTML gateway page instead of failing on JSON', async () => {
		local.server.setFaults([{ path: '/v2/alibaba/order/page', kind: 'html', status: 200 }]);
		const result = await local.run(list);
		expect(result.error?.message).toBe(
			'Item 1: PandaPon answered with something that is not a PandaPon JSON envelope',
		);
		expect(result.error?.description).toContain('502 Bad Gateway');
	});

	it('explains a truncated JSON body', async () => {
		local.server.setFaults([{ path: '/v2/alibaba/order/page', kind: 'malformed' }]);
		const result = await local.run(list);
		expect(result.error?.message).toBe(
			'Item 1: PandaPon answered with something that is not a PandaPon JSON envelope',
		);
	});

	it('reports a refused signature with PandaPon’s message', async () => {
		const result = await local.run(list, {});
		expect(result.error).toBeUndefined();
		const bad = await (async () => {
			const saved = local.credentials.accessSecret;
			local.credentials.accessSecret = 'not-the-secret';
			try {
				return await local.run(list);
			} finally {
				local.credentials.accessSecret = saved;
			}
		})();
		expect(bad.error?.message).toBe(
			'Item 1: PandaPon error 401: 签名错误 (signature mismatch) (in English: the signature was refused: the Access Key, Access Secret or User ID is wrong, or the signature settings differ (run PandaPon → Account → Check Connection to find which))',
		);
		expect(JSON.stringify(bad.run)).not.toContain('not-the-secret');
	});
});

describe('PandaPon’s Chinese refusals carry an English explanation', () => {
	it.each([
		['签名错误', /the signature was refused.*Check Connection/],
		['时间戳已过期', /clock may be off.*Check Connection/],
		['订单已支付，不能取消', /already paid/],
		['子订单不存在', /no such sub-order/],
		['库存不足', /not enough stock/],
	])('%s', (msg, english) => {
		expect(englishFor(msg)).toMatch(english);
	});

	it('says nothing for a message it does not know', () => {
		expect(englishFor('其他错误')).toBe('');
	});
});
