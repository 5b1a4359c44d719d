/**
 * The spending limits fail closed: an unreadable, missing or exceeded limit refuses with nothing ordered or paid.
 * Part of the fail-closed suites (through n8n's engine against the local server; its counters and store are the
 * evidence). Each probe is counted; the table is printed at the end (tried / failed).
 */
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../../nodes/PandaPon/model/endpoints';
import { PAY_STATUS, totalAmountFen } from '../../../packages/local-server/src/store';
import { orderParams, sampleLine } from '../../support/orderFixtures';
import { probeTally, useFailClosed, CREATE, PAY } from '../../support/failClosed';

const probe = probeTally();

describe('fail closed', () => {
	const { local, server, unpaid, freshOrder } = useFailClosed();

	describe('3. the spending limits fail closed', () => {
		const BAD: Array<[string, unknown, IDataObject?]> = [
			['an expression to a missing field', '={{ $json.budget }}', {}],
			['an empty value', ''],
			['an expression giving null', '={{ null }}'],
			['text with a unit', '100 CNY'],
			['a negative amount', -5],
			['NaN', '={{ NaN }}'],
			['0 (the value the option appears with)', 0],
			['Infinity', '={{ Infinity }}'],
			['spaces', '   '],
			['a list', '={{ [100] }}'],
			['an object', '={{ ({ cny: 100 }) }}'],
			['true', '={{ true }}'],
			['words', 'a hundred'],
		];
		it.each(BAD)('Max Order Total set to %s refuses with nothing sent', async (_name, value) => {
			await probe('spending limits fail closed', async () => {
				const result = await local.run(
					orderParams('create', [sampleLine(1)], { options: { maxOrderTotal: value } }),
					{ items: [{ qty: 1 }] },
				);
				expect(result.error?.message).toMatch(
					/^Item 1: Max Order Total \(CNY\) is set but is not an amount of yuan above 0 \(it is .+\), so the limit cannot be checked and nothing was sent$/,
				);
				expect(result.error?.message).not.toMatch(/\[object Object\]|undefined/);
				expect(server().count()).toBe(0);
			});
		});

		it.each(BAD.slice(0, 7))(
			'Max Total to Pay set to %s refuses with nothing paid',
			async (_name, value) => {
				await probe('spending limits fail closed', async () => {
					const result = await local.run({
						resource: 'order',
						operation: 'pay',
						orderIds: unpaid(),
						options: { maxPayTotal: value },
					});
					expect(result.error?.message).toMatch(
						/^Item 1: Max Total to Pay \(CNY\) is set but is not an amount of yuan above 0/,
					);
					expect(server().count()).toBe(0);
				});
			},
		);

		it.each([
			['null', null],
			['empty', ''],
			['text', 'n/a'],
			['missing', undefined],
		])('a preview whose total is %s refuses (nothing ordered)', async (_name, sumPayment) => {
			await probe('spending limits fail closed', async () => {
				server().setFaults([
					{
						kind: 'envelope',
						method: 'POST',
						path: ENDPOINTS.orderPreview.path,
						envelope: {
							code: 200,
							msg: '成功',
							data: { success: true, orderPreviewResuslt: [{ sumPayment, sumCarriage: 0 }] },
						},
					},
				]);
				const result = await local.run(
					orderParams('create', [sampleLine(1)], { options: { maxOrderTotal: 1000 } }),
				);
				expect(result.error?.message).toMatch(
					/Not ordered: PandaPon's preview gave no total \(sumPayment\)/,
				);
				expect(server().count(CREATE)).toBe(0);
			});
		});

		it('a price raised between preview and create: the created order fails loudly, unpaid, and a following Pay does not run', async () => {
			await probe('spending limits fail closed', async () => {
				// The preview still shows the old price (45 CNY); the order is made at today's.
				server().setFaults([
					{
						kind: 'envelope',
						method: 'POST',
						path: ENDPOINTS.orderPreview.path,
						envelope: {
							code: 200,
							msg: '成功',
							data: {
								success: true,
								orderPreviewResuslt: [{ sumPayment: 4500, sumCarriage: 700 }],
							},
						},
					},
				]);
				const result = await local.run(
					orderParams('create', [sampleLine(5)], { options: { maxOrderTotal: 46 } }),
					{ continueOnFail: true },
				);
				const created = server().store.all()[0];
				const [item] = result.output().map((o) => o.json);
				expect(item.error).toBe(
					`Item 1: Order ${created.tbOrderId} was created, but PandaPon now puts its total at ${(totalAmountFen(created) / 100).toFixed(2)} CNY (${created.tbOrderId}: ${(totalAmountFen(created) / 100).toFixed(2)} CNY), above Max Order Total 46.00 CNY (the preview said 45.00 CNY). It is unpaid: cancel it or pay it knowingly`,
				);
				expect(item.outcome).toBe('went through');
				expect(item.orderIds).toEqual([created.tbOrderId]);
				expect(created.payStatus).toBe(PAY_STATUS.unpaid);
			});
		});

		it('a seller raises the shipping before Pay: Max Total to Pay refuses, nothing paid; within it, paid', async () => {
			await probe('spending limits fail closed', async () => {
				const id = freshOrder(1);
				const start = totalAmountFen(server().store.get(id)!) / 100;
				server().store.modifyPrice(id, 500_000, 0); // shipping now 5,000 CNY
				const refused = await local.run({
					resource: 'order',
					operation: 'pay',
					orderIds: id,
					options: { maxPayTotal: start + 1 },
				});
				expect(refused.error?.message).toMatch(
					new RegExp(
						`^Item 1: Not paid: PandaPon puts the current total at ${(totalAmountFen(server().store.get(id)!) / 100).toFixed(2)} CNY \\(${id}: .*\\), above Max Total to Pay ${(start + 1).toFixed(2)} CNY$`,
					),
				);
				expect(server().count(PAY)).toBe(0);
				expect(server().store.get(id)!.payStatus).toBe(PAY_STATUS.unpaid);
				const [paid] = await local.json({
					resource: 'order',
					operation: 'pay',
					orderIds: id,
					options: { maxPayTotal: 6000 },
				});
				expect(paid.checkedTotalYuan).toBe(totalAmountFen(server().store.get(id)!) / 100);
				expect(server().store.get(id)!.payStatus).toBe(PAY_STATUS.paid);
			});
		});
	});
});
