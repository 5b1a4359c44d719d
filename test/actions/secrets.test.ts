/**
 * Secret hygiene: every operation, success and failure paths, run with a recognisable secret. Nothing the node
 * produces — output items, error messages and descriptions, the whole run data, n8n's log lines, the console —
 * may contain the secret, nor the signatures (or nonces) computed from it.
 */
import type { IDataObject } from 'n8n-workflow';

import { captureLogs, pandaponWorkflow, runWorkflow } from '../../tools/engine';
import { useLocalServer } from '../support/localServer';
import { ADDRESS, sampleLine } from '../support/orderFixtures';
import { ORDER_STATUS } from '../../packages/local-server/src/store';
import { imageItem } from '../support/helpers';

const SECRET = 'CANARY-secret-Zq7Lw2Xv9Pk4Rt8Ym3';

describe('secret hygiene', () => {
	const local = useLocalServer({ seedOrders: 100, accessSecret: SECRET }, { timeoutSeconds: 1 });
	const unpaid = () =>
		local.server.store.all().find((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)!.tbOrderId;
	const addr = { addressMode: 'fields', address: { value: ADDRESS } };
	const cargo = { cargoMode: 'fields', cargo: { line: [sampleLine(1)] } };

	type Scenario = {
		name: string;
		params: () => IDataObject;
		arrange?: () => void;
		items?: IDataObject[];
	};
	const scenarios: Scenario[] = (
		[
			['order list', () => ({ resource: 'order', operation: 'getAll', limit: 3 })],
			['order get', () => ({ resource: 'order', operation: 'get', orderId: unpaid() })],
			['preview', () => ({ resource: 'order', operation: 'preview', ...addr, ...cargo })],
			[
				'create',
				() => ({ resource: 'order', operation: 'create', flow: 'general', ...addr, ...cargo }),
			],
			['pay', () => ({ resource: 'order', operation: 'pay', orderIds: unpaid() })],
			['payment URL', () => ({ resource: 'order', operation: 'getPaymentUrl', orderId: unpaid() })],
			[
				'cancel',
				() => ({
					resource: 'order',
					operation: 'cancel',
					orderId: unpaid(),
					cancelReason: 'buyerCancel',
				}),
			],
			['logistics', () => ({ resource: 'order', operation: 'getLogistics', orderId: unpaid() })],
			[
				'product search',
				() => ({ resource: 'product', operation: 'search', keyword: 'cup', limit: 2 }),
			],
			[
				'image search',
				() => ({
					resource: 'product',
					operation: 'searchByImage',
					imageSource: 'binary',
					binaryPropertyName: 'data',
					limit: 2,
				}),
				undefined,
				[imageItem()],
			],
			['cart', () => ({ resource: 'cart', operation: 'getAll' })],
			[
				'refund info (business error)',
				() => ({ resource: 'refund', operation: 'get', refundId: 'TQ404' }),
			],
			[
				'address',
				() => ({
					resource: 'address',
					operation: 'upsert',
					name: 'z',
					phone: '18600888861',
					province: 'p',
					city: 'c',
					district: 'd',
					address: 'a',
				}),
			],
			[
				'taobao logistics',
				() => ({
					resource: 'taobaoOrder',
					operation: 'getLogistics',
					subPurchaseOrderId: '200048859480',
				}),
			],
			[
				'custom call',
				() => ({
					resource: 'custom',
					operation: 'call',
					method: 'GET',
					path: '/v2/alibaba/cart/list',
					query: '{}',
				}),
			],
			['bad input', () => ({ resource: 'order', operation: 'get', orderId: 'not-digits' })],
			[
				'HTTP 503 on a read',
				() => ({ resource: 'order', operation: 'getAll', limit: 1 }),
				() =>
					local.server.setFaults([
						{ path: '/v2/alibaba/order/page', kind: 'status', status: 503, times: -1 },
					]),
			],
			[
				'timeout on a write',
				() => ({ resource: 'order', operation: 'pay', orderIds: unpaid() }),
				() =>
					local.server.setFaults([
						{ path: '/alibaba/order/batch/submit/to/pay', kind: 'hang', times: -1 },
					]),
			],
			[
				'connection reset',
				() => ({ resource: 'order', operation: 'get', orderId: unpaid() }),
				() => local.server.setFaults([{ path: '/alibaba/order/detail', kind: 'reset', times: -1 }]),
			],
			[
				'HTML gateway page',
				() => ({ resource: 'cart', operation: 'getAll' }),
				() => local.server.setFaults([{ path: '/v2/alibaba/cart/list', kind: 'html', times: -1 }]),
			],
			[
				'code ≠ 200',
				() => ({ resource: 'order', operation: 'getAll', limit: 1 }),
				() =>
					local.server.setFaults([
						{ path: '/v2/alibaba/order/page', kind: 'code', code: 4031, msg: 'denied', times: -1 },
					]),
			],
			[
				'clock off by 11 minutes',
				() => ({ resource: 'order', operation: 'getAll', limit: 1 }),
				() => {
					local.server.clockSkewMs = 660_000;
				},
			],
		] as Array<[string, () => IDataObject, (() => void)?, IDataObject[]?]>
	).map(([name, params, arrange, items]) => ({ name, params, arrange, items }));

	it.each(scenarios)(
		'$name: no secret, signature or nonce in outputs, errors, logs or console',
		async ({ params, arrange, items }) => {
			local.server.clearFaults();
			local.server.clockSkewMs = 0;
			arrange?.();
			const logs = captureLogs();
			const consoleLines: string[] = [];
			const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
				jest
					.spyOn(console, level)
					.mockImplementation(
						(...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')),
					),
			);
			const sentBefore = local.server.log.length;
			let text: string;
			try {
				const result = await local.run(params(), items ? { items } : {});
				text =
					JSON.stringify({ run: result.run, error: result.error, output: result.output() }) +
					logs.join('\n') +
					consoleLines.join('\n');
			} finally {
				for (const spy of spies) spy.mockRestore();
				local.server.clearFaults();
				local.server.clockSkewMs = 0;
			}
			expect(text.length).toBeGreaterThan(200); // something was produced and scanned
			expect(text).not.toContain(SECRET);
			// What was computed from the secret: the signature of every request sent (and its nonce).
			for (const request of local.server.log.slice(sentBefore)) {
				expect(request.signed?.signature).toMatch(/^[0-9a-f]{16,}$/i);
				expect(text).not.toContain(request.signed!.signature);
				if (request.signed?.nonce) expect(text).not.toContain(request.signed.nonce);
			}
		},
	);

	it('the refused-signature path: a wrong secret is neither echoed nor logged', async () => {
		const wrong = 'WRONG-secret-Bx8Kd1Mn5Qs0';
		const logs = captureLogs();
		const result = await runWorkflow(
			pandaponWorkflow({ parameters: { resource: 'order', operation: 'getAll', limit: 1 } }),
			{
				pandaPonApi: { ...local.credentials, accessSecret: wrong },
			},
		);
		expect(result.error?.message).toBe(
			'Item 1: PandaPon error 401: 签名错误 (signature mismatch) (in English: the signature was refused: the Access Key, Access Secret or User ID is wrong, or the signature settings differ (run PandaPon → Account → Check Connection to find which))',
		);
		const text = JSON.stringify({ run: result.run, error: result.error }) + logs.join('\n');
		expect(text).not.toContain(wrong);
		expect(text).not.toContain(SECRET);
	});
});
