/**
 * An unknown outcome is settled by a read, and the verdict says only what the read proved.
 * Part of the fail-closed suites (through n8n's engine against the local server; its counters and store are the
 * evidence). Each probe is counted; the table is printed at the end (tried / failed).
 */

import { ENDPOINTS } from '../../../nodes/PandaPon/model/endpoints';
import { ORDER_STATUS } from '../../../packages/local-server/src/store';
import { ADDRESS, orderParams, sampleLine } from '../../support/orderFixtures';
import { probeTally, useFailClosed, CREATE, PAY, CANCEL, LIST } from '../../support/failClosed';

const probe = probeTally();

describe('fail closed', () => {
	const { local, server, freshOrder } = useFailClosed();

	describe('2. an unknown outcome is settled by a read', () => {
		type Case = [string, 'applied' | 'dropped' | 'unreadable', RegExp];
		const WENT = /checked with PandaPon: it went through \(.+\)\. Do not send it again\.$/;
		// A dropped write looks like one PandaPon is still working on: never called safe to send again.
		const OPEN =
			/a check with PandaPon could not tell \(.+; read \d times over \d+ s\)\. Do not send it again before you check /;
		const FAILED =
			/a check with PandaPon could not tell \(the check itself failed: .+\)\. Do not send it again before you check /;
		const cases: Case[] = [
			['applied', 'applied', WENT],
			['dropped', 'dropped', OPEN],
			['unreadable', 'unreadable', FAILED],
		];
		const faultFor = (path: string, kind: Case[1]) => [
			{ kind: 'reset' as const, method: 'POST', path, apply: kind === 'applied', times: 1 },
			...(kind === 'unreadable'
				? [
						{
							kind: 'status' as const,
							status: 503,
							method: 'POST',
							path: ENDPOINTS.orderList.path,
							times: -1,
						},
					]
				: []),
		];

		it.each(cases)('Cancel, the write %s', async (_n, kind, message) => {
			await probe('unknown outcomes settled', async () => {
				const id = freshOrder();
				server().setFaults(faultFor(ENDPOINTS.orderCancel.path, kind));
				const result = await local.run({
					resource: 'order',
					operation: 'cancel',
					orderId: id,
					cancelReason: 'buyerCancel',
				});
				expect(result.error?.message).toMatch(message);
				expect(result.error?.message).not.toMatch(kind === 'applied' ? /could not tell/ : /safe/);
				expect(server().count(CANCEL)).toBe(1);
				expect(server().store.get(id)!.orderStatus).toBe(
					kind === 'applied' ? ORDER_STATUS.cancelled : ORDER_STATUS.awaitingPayment,
				);
			});
		});

		it.each(cases)('Pay, the write %s', async (_n, kind, message) => {
			await probe('unknown outcomes settled', async () => {
				const id = freshOrder();
				server().setFaults(faultFor(ENDPOINTS.orderPay.path, kind));
				const result = await local.run(
					{ resource: 'order', operation: 'pay', orderIds: id },
					{ continueOnFail: true },
				);
				const [item] = result.output().map((o) => o.json);
				expect(item.error).toMatch(message);
				expect(item.outcome).toBe(kind === 'applied' ? 'went through' : 'could not tell');
				if (kind === 'applied') expect(item.orderIds).toEqual([id]);
				expect(server().count(PAY)).toBe(1);
			});
		});

		it.each(cases)(
			'Create, the write %s: never settled, the orders that fit are named',
			async (_n, kind) => {
				await probe('unknown outcomes settled', async () => {
					const before = server().store.size;
					server().setFaults(faultFor(ENDPOINTS.orderCreateBatch.path, kind));
					const result = await local.run(orderParams('create', [sampleLine(7)]), {
						continueOnFail: true,
					});
					const [item] = result.output().map((o) => o.json);
					expect(item.error).toMatch(kind === 'unreadable' ? FAILED : OPEN);
					expect(item.outcome).toBe('could not tell');
					expect(server().count(CREATE)).toBe(1);
					expect(server().store.size).toBe(before + (kind === 'applied' ? 1 : 0));
					// The order it made is named for the user to check, not claimed as this request's.
					if (kind === 'applied') {
						const made = server().store.all()[0].tbOrderId;
						expect(item.error).toContain(made);
						expect(item.candidateOrderIds).toEqual([made]);
					} else expect(item.candidateOrderIds).toBeUndefined();
				});
			},
		);

		it('Confirm Receipt and Cart Create Order settle too', async () => {
			await probe('unknown outcomes settled', async () => {
				const shipped = server()
					.store.all()
					.find((o) => o.orderStatus === ORDER_STATUS.shipped)!.tbOrderId;
				server().setFaults([
					{
						kind: 'status',
						status: 502,
						apply: true,
						method: 'POST',
						path: ENDPOINTS.orderReceiveGoods.path,
						times: 1,
					},
				]);
				const result = await local.run({
					resource: 'order',
					operation: 'confirmReceipt',
					orderId: shipped,
				});
				expect(result.error?.message).toMatch(
					/it went through \(order \d{19} now shows its receipt confirmed\)/,
				);
			});
			await probe('unknown outcomes settled', async () => {
				server().setFaults([
					{ kind: 'reset', method: 'POST', path: ENDPOINTS.cartCreateOrder.path, times: 1 },
				]);
				const result = await local.run({
					resource: 'cart',
					operation: 'createOrder',
					cartIds: '1',
					flow: 'general',
					addressMode: 'fields',
					address: { value: { ...ADDRESS, fullName: 'nobody-yet' } },
				});
				expect(result.error?.message).toMatch(
					/could not tell \(none of the \d+ newest orders has this receiver yet, and a create PandaPon is still working on can show later; read \d times over \d+ s\)/,
				);
			});
		});

		it('the settling reads are few and short: a hanging order list gives "could not tell" within seconds', async () => {
			await probe('unknown outcomes settled', async () => {
				server().setFaults([
					{ kind: 'reset', method: 'POST', path: ENDPOINTS.orderCancel.path, times: 1 },
					{ kind: 'hang', method: 'POST', path: ENDPOINTS.orderList.path, times: -1 },
				]);
				const started = Date.now();
				const result = await local.run({
					resource: 'order',
					operation: 'cancel',
					orderId: freshOrder(),
					cancelReason: 'buyerCancel',
				});
				expect(result.error?.message).toMatch(
					/could not tell \(the check itself failed: .*did not answer/,
				);
				// SETTLE_READS reads over the 1 s timeout + 2 s window, each cut at the window's end (+1 s).
				expect(server().count(LIST)).toBeLessThanOrEqual(4);
				expect(Date.now() - started).toBeLessThan(15_000);
			});
		});
	});
});
