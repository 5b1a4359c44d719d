/**
 * Bad input: a clear error naming item and field, nothing sent.
 * Part of the fail-closed suites (through n8n's engine against the local server; its counters and store are the
 * evidence). Each probe is counted; the table is printed at the end (tried / failed).
 */
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../../nodes/PandaPon/model/endpoints';
import { orderParams, sampleLine } from '../../support/orderFixtures';
import { probeTally, useFailClosed } from '../../support/failClosed';

const probe = probeTally();

describe('fail closed', () => {
	const { local, server, unpaid } = useFailClosed();

	describe('6. bad input: a clear error naming item and field, nothing sent', () => {
		it('an API error of item 2 says Item 2, and an odd msg is shown as text', async () => {
			await probe('errors name the item', async () => {
				server().setFaults([
					{
						kind: 'envelope',
						method: 'POST',
						path: ENDPOINTS.orderDetail.path,
						after: 1,
						envelope: { code: 400, msg: { reason: 'bad', detail: null }, data: null },
					},
				]);
				const result = await local.run(
					{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
					{ items: [{ id: unpaid(0) }, { id: unpaid(1) }] },
				);
				expect(result.error?.message).toBe(
					'Item 2: PandaPon error 400: {"reason":"bad","detail":null}',
				);
			});
			await probe('errors name the item', async () => {
				server().setFaults([
					{
						kind: 'envelope',
						method: 'POST',
						path: ENDPOINTS.orderDetail.path,
						envelope: { code: 400 },
					},
				]);
				const result = await local.run({ resource: 'order', operation: 'get', orderId: unpaid(0) });
				expect(result.error?.message).toBe('Item 1: PandaPon error 400: (no message)');
			});
		});

		const refusedBeforeSending: Array<[string, IDataObject, RegExp]> = [
			[
				'a 20-digit order ID',
				{
					resource: 'order',
					operation: 'cancel',
					orderId: '92233720368547758070',
					cancelReason: 'buyerCancel',
				},
				/^Item 1: Order ID \(orderId\) is too long: PandaPon's IDs have at most 19 digits/,
			],
			[
				'an order ID above 64 bits',
				{ resource: 'order', operation: 'get', orderId: '9223372036854775808' },
				/^Item 1: Order ID \(orderId\) is too long/,
			],
			[
				'a negative code',
				{
					resource: 'taobaoRefund',
					operation: 'render',
					subOrderId: '1',
					refundType: '-1',
					goodsStatus: 1,
				},
				/^Item 1: Refund Type Code \(refundType\) must be 0 or more \(got -1\)/,
			],
			[
				'a one-seller Create with an empty mapped Seller Open ID',
				orderParams('create', [{ ...sampleLine(1), sellerOpenId: '={{ $json.nothing }}' }]),
				/^Item 1: .*Seller open ID \(sellerOpenId\) is required/,
			],
			// Typed empty, the field n8n shows as required stops the workflow before any node runs.
			[
				'a one-seller Create with Seller Open ID left empty',
				orderParams('create', [{ ...sampleLine(1), sellerOpenId: '' }]),
				/node has issues/,
			],
		];
		it.each(refusedBeforeSending)(
			'%s is refused before sending',
			async (_name, params, message) => {
				await probe('bad input refused before sending', async () => {
					const result = await local.run(params);
					expect(result.error?.message).toMatch(message);
					expect(server().count()).toBe(0);
				});
			},
		);

		it('Taobao Cart Create Order with a numeric User ID sends it as text (no TypeError)', async () => {
			await probe('bad input refused before sending', async () => {
				const result = await local.run({
					resource: 'taobaoCart',
					operation: 'preview',
					useUnverifiedEndpoint: true,
					ids: '1',
					additionalFields: { userId: '={{ 2100007341207 }}' },
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
				});
				expect(result.error?.message ?? '').not.toMatch(/is not a function|TypeError/);
			});
		});

		it('a 429 Retry-After longer than 30 s is not waited for: the read fails at once, saying how long PandaPon asked', async () => {
			await probe('429 Retry-After honoured or reported', async () => {
				server().setFaults([
					{ kind: 'rateLimit', retryAfter: '120', path: ENDPOINTS.orderDetail.path, times: -1 },
				]);
				const started = Date.now();
				const result = await local.run({ resource: 'order', operation: 'get', orderId: unpaid() });
				expect(result.error?.message).toMatch(
					/^Item 1: PandaPon answered HTTP 429 \(too many requests\): .* PandaPon asked to wait 120 s before trying again \(more than the 30 s this node waits\)\.$/,
				);
				expect(server().count(`POST ${ENDPOINTS.orderDetail.path}`)).toBe(1);
				expect(Date.now() - started).toBeLessThan(5000);
			});
		});

		it('a 429 Retry-After within 30 s is honoured for a read (waited, then answered)', async () => {
			await probe('429 Retry-After honoured or reported', async () => {
				server().setFaults([
					{ kind: 'rateLimit', retryAfter: '2', path: ENDPOINTS.orderDetail.path, times: 1 },
				]);
				const started = Date.now();
				const result = await local.run({ resource: 'order', operation: 'get', orderId: unpaid() });
				expect(result.error).toBeUndefined();
				expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
			});
		});
	});
});
