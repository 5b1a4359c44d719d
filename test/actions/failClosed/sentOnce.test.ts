/**
 * Sent once means once: a write is sent once whatever happens around it (faults, timeouts, retries, Retry On Fail).
 * Part of the fail-closed suites (through n8n's engine against the local server; its counters and store are the
 * evidence). Each probe is counted; the table is printed at the end (tried / failed).
 */
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../../nodes/PandaPon/model/endpoints';
import { PAY_STATUS } from '../../../packages/local-server/src/store';
import { sampleLine } from '../../support/orderFixtures';
import { probeTally, useFailClosed, CREATE, PAY } from '../../support/failClosed';

const probe = probeTally();

describe('fail closed', () => {
	const { local, server, freshOrder, lines, createItems } = useFailClosed();

	describe('1. sent once means once', () => {
		const FAULTS = [
			{ kind: 'status', status: 503 },
			{ kind: 'status', status: 500 },
			{ kind: 'reset' },
			{ kind: 'hang' },
			{ kind: 'html' },
			{ kind: 'malformed' },
			{ kind: 'rateLimit', retryAfter: '0' },
			{ kind: 'code', code: 500, msg: '系统繁忙' },
		] as const;
		const formerlyRepeated: Array<[string, IDataObject, string]> = [
			[
				'1688 Cart → Update Quantity',
				{ resource: 'cart', operation: 'updateQuantity', id: '1', quantity: 3 },
				ENDPOINTS.cartEditQuantity.path,
			],
			[
				'Taobao Cart → Update Quantity',
				{
					resource: 'taobaoCart',
					operation: 'updateQuantity',
					id: '1',
					quantity: 3,
					useUnverifiedEndpoint: true,
				},
				ENDPOINTS.taobaoCartEditQuantity.path,
			],
			[
				'Taobao Order → Change Warehouse',
				{
					resource: 'taobaoOrder',
					operation: 'updateWarehouse',
					orderId: '1',
					warehouseName: 'w',
					warehouseAddress: 'a',
				},
				ENDPOINTS.taobaoOrderUpdateWarehouse.path,
			],
		];
		it.each(formerlyRepeated)(
			'%s: one request under every fault kind',
			async (_name, params, path) => {
				for (const fault of FAULTS) {
					await probe('writes sent once under faults', async () => {
						server().resetStats();
						server().clearFaults();
						server().setFaults([{ ...fault, method: 'POST', path, times: -1 }]);
						const result = await local.run(params);
						expect(result.error).toBeDefined();
						expect(server().count(`POST ${path}`)).toBe(1);
					});
				}
			},
		);

		it('an answer that comes after the timeout was applied once, not four times', async () => {
			await probe('writes sent once under faults', async () => {
				await local.json({
					resource: 'cart',
					operation: 'add',
					useUnverifiedEndpoint: true,
					offerMapId: sampleLine().offerMapId,
					specId: sampleLine().specId,
					quantity: 1,
					sellerOpenId: sampleLine().sellerOpenId,
				});
				const [line] = await local.json({ resource: 'cart', operation: 'getAll' });
				server().resetStats();
				server().setFaults([
					{
						kind: 'hang',
						apply: true,
						method: 'POST',
						path: ENDPOINTS.cartEditQuantity.path,
						times: -1,
					},
				]);
				const result = await local.run({
					resource: 'cart',
					operation: 'updateQuantity',
					id: String(line.id),
					quantity: 5,
				});
				expect(result.error?.message).toMatch(
					/^Item 1: PandaPon did not answer within 1 s\. This request may have reached PandaPon and taken effect; it was not repeated\./,
				);
				expect(server().stats.handled[`POST ${ENDPOINTS.cartEditQuantity.path}`]).toBe(1);
			});
		});

		const stopAt2 = [
			[
				'a refusal (code 400)',
				{ kind: 'code', code: 400, msg: '参数错误' },
				/item 2 failed: PandaPon error 400: 参数错误 \(in English: a field is missing or has the wrong form\)\./,
			],
			[
				'HTTP 503',
				{ kind: 'status', status: 503 },
				/item 2 failed: PandaPon answered HTTP 503: .* a check with PandaPon could not tell/,
			],
			[
				'a connection reset',
				{ kind: 'reset' },
				/item 2 failed: Could not reach PandaPon .* a check with PandaPon could not tell/,
			],
		] as const;
		it.each(stopAt2)(
			'a two-row Create stopped at row 2 by %s names row 1’s order, and following its advice orders nothing twice',
			async (_name, fault, reason) => {
				await probe('a stopped multi-item write names what went through', async () => {
					const before = server().store.size;
					server().setFaults([
						{ ...fault, method: 'POST', path: ENDPOINTS.orderCreateBatch.path, after: 1, times: 1 },
					]);
					const result = await local.run(createItems(), { items: lines(2) });
					const created = server().store.all()[0].tbOrderId;
					expect(server().store.size).toBe(before + 1);
					expect(result.error?.message).toMatch(
						new RegExp(`^Item 1 was ordered \\(${created}\\); item 2 failed: `),
					);
					expect(result.error?.message).toMatch(reason);
					expect(result.error?.message).toMatch(
						/Running this node again would order item 1 again: remove it from the input first/,
					);
					expect(server().count(CREATE)).toBe(2);
					// The user follows the message: row 2 alone.
					await local.json(createItems(), { items: [{ qty: 2 }] });
					expect(server().store.size).toBe(before + 2);
				});
			},
		);

		it.each(stopAt2)(
			'a two-order Pay stopped at order 2 by %s names order 1 as paid',
			async (_name, fault, reason) => {
				await probe('a stopped multi-item write names what went through', async () => {
					const ids = [freshOrder(), freshOrder()];
					server().setFaults([
						{ ...fault, method: 'POST', path: ENDPOINTS.orderPay.path, after: 1, times: 1 },
					]);
					const result = await local.run(
						{ resource: 'order', operation: 'pay', orderIds: '={{ $json.id }}' },
						{ items: ids.map((id) => ({ id })) },
					);
					expect(result.error?.message).toMatch(
						new RegExp(`^Item 1 was paid \\(${ids[0]}\\); item 2 failed: `),
					);
					expect(result.error?.message).toMatch(reason);
					expect(result.error?.message).toMatch(/Running this node again would pay item 1 again/);
					expect(server().store.get(ids[0])!.payStatus).toBe(PAY_STATUS.paid);
					expect(server().store.get(ids[1])!.payStatus).toBe(PAY_STATUS.unpaid);
					expect(server().count(PAY)).toBe(2);
				});
			},
		);

		it('with Continue On Fail each item gets its own result or error, in order', async () => {
			await probe('a stopped multi-item write names what went through', async () => {
				server().setFaults([
					{
						kind: 'status',
						status: 503,
						method: 'POST',
						path: ENDPOINTS.orderCreateBatch.path,
						after: 1,
						times: 1,
					},
				]);
				const result = await local.run(createItems(), { items: lines(3), continueOnFail: true });
				const out = result.output().map((o) => o.json);
				expect(out.map((o) => (o.error ? `error:${String(o.outcome)}` : 'ordered'))).toEqual([
					'ordered',
					'error:could not tell',
					'ordered',
				]);
				expect(result.output().map((o) => (o.pairedItem as { item: number }).item)).toEqual([
					0, 1, 2,
				]);
			});
		});

		it('Retry On Fail runs the node again in the same execution without ordering row 1 again', async () => {
			await probe('Retry On Fail does not resend', async () => {
				const before = server().store.size;
				server().setFaults([
					{
						kind: 'code',
						code: 400,
						msg: '参数错误',
						method: 'POST',
						path: ENDPOINTS.orderCreateBatch.path,
						after: 1,
						times: 1,
					},
				]);
				const result = await local.run(createItems(), {
					items: lines(2),
					retryOnFail: { maxTries: 2 },
				});
				expect(result.error).toBeUndefined();
				const out = result.output().map((o) => o.json);
				expect(out).toHaveLength(2);
				expect(out[0].alreadySentInThisExecution).toBe(true);
				expect(out[1].alreadySentInThisExecution).toBeUndefined();
				expect(server().count(CREATE)).toBe(3); // row 1, row 2 refused, row 2 again: row 1 not sent twice
				expect(server().store.size).toBe(before + 2);
			});
		});
	});
});
