/**
 * The safety promises at their edges, tried as an attacker and a careless user would, through n8n's engine against
 * the local server (its counters and its store are the evidence): a write is sent once whatever happens around it,
 * an unknown outcome is settled by a read, the spending limits fail closed, safety settings are never the model's,
 * Read Only holds for every path and every node, bad input names item and field, and the local server's admin API
 * cannot be driven by a web page. Each probe is counted; the table is printed at the end (tried / failed).
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { PandaPonApi, signPandaPonRequest } from '../../credentials/PandaPonApi.credentials';
import { resourceDescriptions, SAFETY_SETTINGS } from '../../nodes/PandaPon/actions/router';
import { isSafetySetting } from '../../nodes/PandaPon/model/safety';
import { ENDPOINTS } from '../../nodes/PandaPon/model/endpoints';
import { pandaponWorkflow, runWorkflow } from '../../tools/engine';
import { useLocalServer } from '../support/localServer';
import { ORDER_STATUS, PAY_STATUS, totalAmountFen } from '../../packages/local-server/src/store';
import { ADDRESS, orderParams, sampleLine } from '../support/orderFixtures';

const tally = new Map<string, { tried: number; failed: number }>();
/** Runs one probe of a promise; a probe that throws (an expectation that did not hold) counts as failed. */
async function probe(promise: string, run: () => Promise<void> | void): Promise<void> {
	const row = tally.get(promise) ?? { tried: 0, failed: 0 };
	tally.set(promise, row);
	row.tried++;
	try {
		await run();
	} catch (error) {
		row.failed++;
		throw error;
	}
}
afterAll(() => {
	const lines = [...tally].map(
		([promise, { tried, failed }]) => `| ${promise} | ${tried} | ${failed} |`,
	);
	console.log(['| promise | probes | failed |', '| --- | --- | --- |', ...lines].join('\n'));
});

const CREATE = 'POST /v2/alibaba/order/batch/create';
const PAY = 'POST /alibaba/order/batch/submit/to/pay';
const CANCEL = 'POST /v2/alibaba/order/cancel';
const LIST = 'POST /v2/alibaba/order/page';

describe('fail closed', () => {
	const local = useLocalServer({ seedOrders: 200 }, { timeoutSeconds: 1 });
	const server = () => local.server;
	beforeEach(() => {
		server().clearFaults();
		server().resetStats();
	});
	const unpaid = (skip = 0) =>
		server()
			.store.all()
			.filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)[skip].tbOrderId;
	/** A fresh unpaid order of the sample line, made through the store (not counted as a request). */
	const freshOrder = (quantity = 1) =>
		server().store.create({
			flow: 'general',
			address: ADDRESS as never,
			cargo: [sampleLine(quantity)] as never,
		}).tbOrderId;
	const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ qty: i + 1 }));
	const createItems = (extra: IDataObject = {}) =>
		orderParams('create', [{ ...sampleLine(1), quantity: '={{ $json.qty }}' }], extra);

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

	describe('4. safety settings are never the model’s', () => {
		const FROM_AI = "={{ $fromAI('limit', 'the limit', 'number') }}";
		/** The node's parameters with `path` set to a $fromAI value, for an operation that shows the setting. */
		const withFromAi = ({ path, show }: (typeof SAFETY_SETTINGS)[number]): IDataObject => {
			const resource = (show.resource as string[])[0];
			const operation = (show.operation as string[])[0];
			const params: IDataObject = { resource, operation };
			// Every required field of the operation gets a value, so the refusal is the guard's, not n8n's.
			for (const property of resourceDescriptions.flat()) {
				const at = property.displayOptions?.show;
				if (!property.required || !at?.resource?.includes(resource)) continue;
				if (!at.operation?.includes(operation)) continue;
				params[property.name] = property.type === 'number' ? 1 : '1';
			}
			let at = params;
			for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as IDataObject;
			at[path[path.length - 1]] = FROM_AI;
			return params;
		};
		// Collected from the marks where the settings are declared: a renamed or new one is tried here too.
		const cases = SAFETY_SETTINGS.map((setting) => [
			`${setting.label} (${(setting.show.resource as string[])[0]}.${(setting.show.operation as string[])[0]}, ${setting.path.join('.')})`,
			setting,
		]) as Array<[string, (typeof SAFETY_SETTINGS)[number]]>;

		it('every spending limit, Use Unverified Endpoint and Safe to Repeat is marked', () => {
			const labels = new Set(SAFETY_SETTINGS.map((s) => s.label));
			expect(labels.size).toBeGreaterThanOrEqual(5);
			// A limit in CNY anywhere in the node is a safety setting.
			const limits =
				JSON.stringify(resourceDescriptions).match(
					/"displayName":"(Max [^"]*Total[^"]*|Budget) \(CNY\)"/g,
				) ?? [];
			for (const limit of limits) expect(labels).toContain(JSON.parse(`{${limit}}`).displayName);
		});

		it('the credential’s Access is marked', () => {
			expect(new PandaPonApi().properties.filter(isSafetySetting).map((p) => p.name)).toEqual([
				'access',
			]);
		});

		it.each(cases)('%s from $fromAI refuses before anything is sent', async (_what, setting) => {
			await probe('safety settings refuse $fromAI', async () => {
				const result = await local.run(withFromAi(setting));
				expect(result.error?.message).toBe(
					`Not sent: ${setting.label} is left to the AI model ($fromAI), and a safety setting cannot be left to the model. Set it to a fixed value in this node.`,
				);
				expect(server().count()).toBe(0);
			});
		});
	});

	describe('5. Read Only is absolute', () => {
		const readOnly = () => ({ ...local.credentials, access: 'readOnly' });
		const writePaths = Object.values(ENDPOINTS)
			.filter((e) => e.access === 'write')
			.map((e) => e.path.replace('{refundId}', '123'));
		const variants = (path: string) => [
			path,
			`/v2/alibaba/order/page/../../..${path}`,
			path.replace(/\//g, '//'),
			`${path}/`,
			`/./${path.slice(1)}`,
			path.toUpperCase(),
			// The other API version of the same call (v1 ↔ v2).
			path.startsWith('/v2/') ? path.slice(3) : `/v2${path}`,
		];
		it('the Signed API Call, Safe to Repeat on, sends no write path however it is written', async () => {
			for (const path of writePaths) {
				for (const variant of variants(path)) {
					await probe('Read Only through the Signed API Call', async () => {
						server().resetStats();
						const result = await runWorkflow(
							pandaponWorkflow({
								parameters: {
									resource: 'custom',
									operation: 'call',
									method: 'POST',
									path: variant,
									body: '{}',
									idempotent: true,
								},
							}),
							{ pandaPonApi: readOnly() },
						);
						expect(result.error?.message).toMatch(
							/Access: Read Only|must be a path starting with \//,
						);
						expect(server().count()).toBe(0);
					});
				}
			}
		});

		it('a known read still goes out through the Signed API Call; an unknown path does not', async () => {
			await probe('Read Only through the Signed API Call', async () => {
				const ok = await runWorkflow(
					pandaponWorkflow({
						parameters: {
							resource: 'custom',
							operation: 'call',
							method: 'POST',
							path: '/v2/alibaba/order/page',
							body: '{"pageNum":1,"pageSize":1}',
						},
					}),
					{ pandaPonApi: readOnly() },
				);
				expect(ok.error).toBeUndefined();
				const unknown = await runWorkflow(
					pandaponWorkflow({
						parameters: {
							resource: 'custom',
							operation: 'call',
							method: 'POST',
							path: '/v3/alibaba/order/whatever',
							body: '{}',
							idempotent: true,
						},
					}),
					{ pandaPonApi: readOnly() },
				);
				expect(unknown.error?.message).toMatch(/Access: Read Only/);
			});
		});

		it('the credential itself refuses to sign a write, for any node (a plain signed request, as n8n’s HTTP Request node makes)', async () => {
			for (const path of writePaths) {
				for (const variant of variants(path)) {
					await probe('Read Only in the credential’s signing', async () => {
						server().resetStats();
						const result = await runWorkflow(
							pandaponWorkflow({
								type: 'test.bareRequest',
								parameters: { url: `${server().url}${variant}`, body: '{}' },
							}),
							{ pandaPonApi: readOnly() },
						);
						expect(result.error?.message).toMatch(/Access: Read Only/);
						expect(server().count()).toBe(0);
					});
				}
			}
			await probe('Read Only in the credential’s signing', async () => {
				await expect(
					signPandaPonRequest(
						{ ...readOnly() },
						{ url: `${server().url}/v2/alibaba/order/page`, method: 'POST' },
					),
				).resolves.toBeDefined();
				await expect(
					signPandaPonRequest(
						{ ...readOnly() },
						{ baseURL: server().url, url: '/alibaba/order/batch/submit/to/pay', method: 'POST' },
					),
				).rejects.toThrow(/Access: Read Only/);
				// The request-library form n8n's HTTP Request node uses.
				await expect(
					signPandaPonRequest({ ...readOnly() }, {
						uri: `${server().url}/v2/alibaba/order/page/../../../../alibaba/order/cancel`,
						method: 'POST',
					} as never),
				).rejects.toThrow(/Access: Read Only/);
			});
		});
	});

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

	describe('7. the local server’s admin API cannot be driven by a web page', () => {
		const push = { url: 'http://127.0.0.1:9/x', messageType: 'ORDER_PAY_SUCCESS' };
		const refused: Array<[string, Record<string, string>, string]> = [
			[
				'a cross-site text/plain POST',
				{ 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
				JSON.stringify(push),
			],
			['a text/plain POST from no page', { 'Content-Type': 'text/plain' }, JSON.stringify(push)],
			['a form POST', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1'],
			[
				'JSON with a foreign Origin',
				{ 'Content-Type': 'application/json', Origin: 'https://evil.example' },
				JSON.stringify(push),
			],
			[
				'JSON with Origin null',
				{ 'Content-Type': 'application/json', Origin: 'null' },
				JSON.stringify(push),
			],
			[
				'JSON for a rebound host name',
				{ 'Content-Type': 'application/json', Host: 'evil.example' },
				JSON.stringify(push),
			],
			[
				'a browser’s cross-site fetch',
				{ 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
				JSON.stringify(push),
			],
		];
		it.each(refused)(
			'%s is refused (403) for /__admin/push, /__admin/callback and an order action',
			async (_name, headers, body) => {
				for (const path of [
					'/__admin/push',
					'/__admin/callback',
					`/__admin/orders/${unpaid()}/pay`,
				]) {
					await probe('admin API refuses web pages', async () => {
						const answer = await axios.post(`${server().url}${path}`, body, {
							headers,
							validateStatus: () => true,
							transformRequest: [(d) => d],
						});
						expect(answer.status).toBe(403);
					});
				}
			},
		);

		it('JSON from this machine is answered, and the request log redacts signature and nonce-str', async () => {
			await probe('admin API refuses web pages', async () => {
				await local.json({ resource: 'order', operation: 'getAll', limit: 1 });
				const health = await axios.post(`${server().url}/__admin/faults`, [], {
					headers: { 'Content-Type': 'application/json' },
				});
				expect(health.status).toBe(200);
				const log = (await axios.get(`${server().url}/__admin/requests`)).data as {
					requests: Array<{ headers: Record<string, string> }>;
				};
				expect(log.requests.length).toBeGreaterThan(0);
				for (const request of log.requests) {
					expect(request.headers.signature).toBe('[redacted]');
					expect(request.headers['nonce-str']).toBe('[redacted]');
				}
			});
		});
	});
});
