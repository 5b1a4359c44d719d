/**
 * Real n8n, both supported majors: the package installed from its packed tarball, the example workflows and one
 * workflow per order operation executed headless against the local PandaPon server, and the trigger example
 * served by `n8n start` receiving a burst of callbacks on its production webhook URL.
 */
import { ADDRESS, numericLine, orderParams, sampleLine } from '../support/orderFixtures';
import { startServer, type PandaPonServer } from '../../packages/local-server/src/app';
import { SAMPLE } from '../../packages/local-server/src/catalog';
import { ORDER_STATUS, type Order } from '../../packages/local-server/src/store';
import { selectVersions } from '../../tools/n8n/install';
import { N8n, waitFor, type RunOutput } from '../../tools/n8n/driver';
import { burst, postAll } from '../../tools/pushBurst';
import { FakeModel, type ChatRequest } from '../../tools/fakeModel';
import { signPush } from '../../nodes/PandaPon/model/pushSignature';
import { CallbackPusher } from '../../packages/local-server/src/callbacks';
import { readFileSync } from 'fs';
import path from 'path';

import {
	answeringAfterStored,
	credentialFor,
	exampleFiles,
	loadExample,
	notifyVariant,
	operationWorkflow,
	setParameters,
	type WorkflowJson,
} from '../../tools/n8n/workflows';

/** The example workflows as 0.1.0 shipped them, kept unchanged: saved workflows of users look like these. */
const SAVED = path.join(__dirname, 'fixtures', 'saved-0.1.0');

const line = sampleLine;
const order = (operation: string, lines: object[], extra: object = {}) =>
	orderParams(operation, lines as never, extra as never);

function ok(run: RunOutput, node: string) {
	if (run.error) {
		const output = typeof run.raw === 'string' ? `\n${run.raw.slice(-2000)}` : '';
		throw new Error(
			`workflow failed in ${run.error.node ?? '?'}: ${run.error.message} (${run.error.description})${output}`,
		);
	}
	const items = run.nodes[node];
	if (!items)
		throw new Error(`node "${node}" did not run; ran: ${Object.keys(run.nodes).join(', ')}`);
	return items;
}

describe.each(selectVersions(process.env.PANDAPON_E2E_N8N).map((v) => [v.n8n, v] as const))(
	'n8n %s',
	(_label, version) => {
		let server: PandaPonServer;
		let n8n: N8n;
		/** A new unpaid order of the sample seller, made directly in the server's store. */
		const fresh = (): string =>
			server.store.create({
				flow: 'general',
				address: { ...ADDRESS, phone: ADDRESS.mobile },
				cargo: [line(1) as never],
			}).tbOrderId;
		const pick = (status: number, skip = 0): Order =>
			server.store
				.all()
				.filter((o) => o.orderStatus === status && o.seller.sellerOpenId === SAMPLE.sellerOpenId)[
				skip
			] ?? server.store.all().filter((o) => o.orderStatus === status)[skip];

		beforeAll(async () => {
			server = await startServer({ seedOrders: 300 });
			n8n = new N8n(version);
			n8n.installPackage(process.env.PANDAPON_E2E_TARBALL);
			n8n.importCredentials([credentialFor(server.url, server.keys)]);
		});
		afterAll(async () => {
			await n8n?.stop();
			await server?.close();
		});

		it('ships every example workflow in examples/', () => {
			expect(exampleFiles().sort()).toEqual(
				[
					'ai-agent.json',
					'callback-notify.json',
					'cancel-unpaid.json',
					'webhook-node-pushes.json',
					'hourly-order-sync.json',
					'order-changes.json',
					'purchase.json',
					'receive.json',
				].sort(),
			);
		});

		describe('example workflows', () => {
			let boughtOrderId = '';

			it('purchase: rows → preview → create (mapped from the preview, within Max Order Total) → pay', async () => {
				n8n.importWorkflow(loadExample('purchase.json'));
				const run = await n8n.execute('ppPurchase');
				const [preview] = ok(run, 'Preview price');
				const sum = (preview.orderPreviewResuslt as Array<{ sumPayment: number }>)[0].sumPayment;
				// 3 + 2 + 1 pieces of the catalog's prices plus shipping, all in fen; within the 1,000 CNY cap.
				expect(sum).toBeGreaterThan(0);
				expect(sum).toBeLessThanOrEqual(100000);
				// What was previewed comes out as request, which Create maps in JSON mode.
				expect((preview.request as { cargoParamList: unknown[] }).cargoParamList).toHaveLength(3);
				const [created] = ok(run, 'Create order');
				boughtOrderId = created.orderId as string;
				expect(boughtOrderId).toMatch(/^\d{19}$/);
				const [after] = ok(run, 'Order after payment');
				expect(after.status).toBe('waitsellersend');
				const stored = server.store.get(boughtOrderId)!;
				expect(stored.items.map((i) => i.quantity).sort()).toEqual([1, 2, 3]);
				expect(stored.cargo.map((c) => c.productNo).sort()).toEqual([
					'SHOP-1001',
					'SHOP-1002',
					'SHOP-1003',
				]);
				expect(stored.address.townText).toBe('转塘');
				expect(stored.payStatus).toBe(2);
			});

			it('purchase stops at Create’s Max Order Total when the preview is too expensive: nothing ordered', async () => {
				const workflow = loadExample('purchase.json');
				const rows = JSON.parse(
					String(
						workflow.nodes.find((n) => n.name === 'Sheet rows (cargo lines)')!.parameters
							.jsonOutput,
					),
				);
				rows.rows[0].quantity = 300;
				setParameters(workflow, 'Sheet rows (cargo lines)', { jsonOutput: JSON.stringify(rows) });
				workflow.id = 'ppPurchaseOver';
				n8n.importWorkflow(workflow);
				const before = server.store.size;
				const run = await n8n.execute('ppPurchaseOver');
				expect(`${run.error?.message}`).toMatch(
					/^Item 1: Not ordered: .* above Max Order Total 1000\.00 CNY/,
				);
				expect(run.nodes['Pay order']).toBeUndefined();
				expect(server.store.size).toBe(before);
			});

			it('receive: after the seller ships, confirm receipt and read the tracking', async () => {
				server.store.ship(boughtOrderId);
				const workflow = setParameters(loadExample('receive.json'), 'Orders that arrived', {
					assignments: {
						assignments: [{ id: 'o1', name: 'orderId', value: boughtOrderId, type: 'string' }],
					},
				});
				n8n.importWorkflow(workflow);
				const run = await n8n.execute('ppReceive');
				expect(ok(run, 'Confirm receipt')[0].confirmed).toBe(true);
				const [tracking] = ok(run, 'Get logistics');
				expect(JSON.stringify(tracking)).toMatch(/delivered/);
				expect(server.store.get(boughtOrderId)!.orderStatus).toBe(ORDER_STATUS.received);
			});

			it('hourly sync: the orders created in the last hour, as sheet rows', async () => {
				n8n.importWorkflow(loadExample('hourly-order-sync.json'));
				const run = await n8n.execute('ppHourlyOrderSync');
				const rows = ok(run, 'Sheet rows');
				const recent = server.store
					.all()
					.filter((o) => o.createTime >= Date.now() - 65 * 60 * 1000);
				expect(rows.map((r) => r['1688 Order ID']).sort()).toEqual(
					recent.map((o) => o.tbOrderId).sort(),
				);
				const bought = rows.find((r) => r['1688 Order ID'] === boughtOrderId)!;
				expect(bought['Total (CNY)']).toBeCloseTo(
					(server.store.get(boughtOrderId)!.items.reduce((s, i) => s + i.itemAmountFen, 0) +
						server.store.get(boughtOrderId)!.shippingFeeFen) /
						100,
					2,
				);
			});

			it('clean-up: cancels exactly the orders unpaid for more than a day', async () => {
				const dayAgo = Date.now() - 24 * 3600 * 1000;
				const stale = server.store
					.all()
					.filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment && o.createTime <= dayAgo)
					.map((o) => o.tbOrderId);
				expect(stale.length).toBeGreaterThan(0);
				n8n.importWorkflow(loadExample('cancel-unpaid.json'));
				const run = await n8n.execute('ppCancelUnpaid');
				expect(ok(run, 'Cancel order')).toHaveLength(stale.length);
				for (const id of stale)
					expect(server.store.get(id)!.orderStatus).toBe(ORDER_STATUS.cancelled);
				expect(
					server.store
						.all()
						.filter(
							(o) => o.orderStatus === ORDER_STATUS.awaitingPayment && o.createTime <= dayAgo,
						),
				).toHaveLength(0);
			});
		});

		describe('workflows saved with 0.1.0 (test/e2e/fixtures/saved-0.1.0) still run', () => {
			// Exported before the layout change: node types, parameter names and defaults must still be understood.
			const saved = (file: string, id: string): WorkflowJson => ({
				...(JSON.parse(readFileSync(path.join(SAVED, file), 'utf8')) as WorkflowJson),
				id,
			});
			let savedOrderId = '';

			it('purchase: previews, creates within the cap and pays', async () => {
				n8n.importWorkflow(saved('purchase.json', 'savedPurchase'));
				const run = await n8n.execute('savedPurchase');
				const [created] = ok(run, 'Create order');
				savedOrderId = created.orderId as string;
				expect(savedOrderId).toMatch(/^\d{19}$/);
				expect(ok(run, 'Order after payment')[0].status).toBe('waitsellersend');
				expect(server.store.get(savedOrderId)!.payStatus).toBe(2);
			});

			it('receive, hourly sync and clean-up run without an error', async () => {
				server.store.ship(savedOrderId);
				const receive = setParameters(
					saved('receive.json', 'savedReceive'),
					'Orders that arrived',
					{
						assignments: {
							assignments: [{ id: 'o1', name: 'orderId', value: savedOrderId, type: 'string' }],
						},
					},
				);
				n8n.importWorkflow(receive);
				expect(ok(await n8n.execute('savedReceive'), 'Confirm receipt')[0].confirmed).toBe(true);
				expect(server.store.get(savedOrderId)!.orderStatus).toBe(ORDER_STATUS.received);

				n8n.importWorkflow(saved('hourly-order-sync.json', 'savedHourlySync'));
				const rows = ok(await n8n.execute('savedHourlySync'), 'Sheet rows');
				expect(rows.map((r) => r['1688 Order ID'])).toContain(savedOrderId);

				n8n.importWorkflow(saved('cancel-unpaid.json', 'savedCancelUnpaid'));
				ok(await n8n.execute('savedCancelUnpaid'), 'Unpaid orders older than a day');
			});
		});

		describe('one workflow per order operation', () => {
			let cancelled = '';
			const cases: Array<[string, () => object, (items: Array<Record<string, unknown>>) => void]> =
				[
					[
						'getAll',
						() => ({
							resource: 'order',
							operation: 'getAll',
							returnAll: true,
							filters: {},
							options: { pageSize: 40 },
						}),
						(items) => {
							expect(items).toHaveLength(server.store.size);
							expect(new Set(items.map((i) => i.tbOrderId)).size).toBe(server.store.size);
							for (const item of items.slice(0, 20)) expect(item.tbOrderId).toMatch(/^\d{19}$/);
						},
					],
					[
						'get',
						() => ({
							resource: 'order',
							operation: 'get',
							orderId: pick(ORDER_STATUS.awaitingShipment).tbOrderId,
						}),
						([item]) => {
							expect(item.status).toBe('waitsellersend');
						},
					],
					[
						'preview',
						() => order('preview', [line(2)]),
						([item]) => {
							expect(
								(item.orderPreviewResuslt as Array<{ sumPaymentNoCarriage: number }>)[0]
									.sumPaymentNoCarriage,
							).toBe(3800);
						},
					],
					// The several-sellers preview takes numeric 1688 offer ids (its v1 page lists no mapped ids).
					[
						'previewBatch',
						() => order('previewBatch', [numericLine(1)]),
						(items) => {
							expect(items.length).toBeGreaterThan(0);
						},
					],
					[
						'create',
						() => order('create', [line(1)], { flow: 'general' }),
						([item]) => {
							expect(server.store.get(item.orderId as string)?.orderStatus).toBe(
								ORDER_STATUS.awaitingPayment,
							);
						},
					],
					[
						'createBatch',
						() => order('createBatch', [line(1)], { flow: 'general' }),
						(items) => {
							expect(items).toHaveLength(1);
							expect(server.store.get(items[0].orderId as string)).toBeDefined();
						},
					],
					[
						'getPaymentUrl',
						() => ({ resource: 'order', operation: 'getPaymentUrl', orderId: fresh() }),
						([item]) => {
							expect(String(item.payUrl)).toMatch(/^https?:\/\//);
						},
					],
					[
						'pay',
						() => ({ resource: 'order', operation: 'pay', orderIds: fresh() }),
						([item]) => {
							expect(item.submitted).toBe(true);
						},
					],
					[
						'cancel',
						() => ({
							resource: 'order',
							operation: 'cancel',
							orderId: (cancelled = fresh()),
							cancelReason: 'buyerCancel',
						}),
						() => {
							expect(server.store.get(cancelled)?.orderStatus).toBe(ORDER_STATUS.cancelled);
						},
					],
					[
						'confirmReceipt',
						() => ({
							resource: 'order',
							operation: 'confirmReceipt',
							orderId: pick(ORDER_STATUS.shipped).tbOrderId,
						}),
						([item]) => {
							expect(item.confirmed).toBe(true);
						},
					],
					[
						'getLogistics',
						() => ({
							resource: 'order',
							operation: 'getLogistics',
							orderId: pick(ORDER_STATUS.shipped, 1).tbOrderId,
							options: {},
						}),
						([item]) => {
							expect(Array.isArray(item.parcels)).toBe(true);
						},
					],
					[
						'decryptWangwang',
						() => ({
							resource: 'order',
							operation: 'decryptWangwang',
							offerId: '951807530375',
							openUid: server.store.catalog.sellers[1].sellerOpenId,
						}),
						([item]) => {
							expect(item.wangwang).toBe(server.store.catalog.sellers[1].nickname);
						},
					],
				];

			it.each(cases)('%s', async (operation, params, check) => {
				const id = `op${operation}`.slice(0, 21);
				const parameters = params();
				n8n.importWorkflow(operationWorkflow(id, parameters as Record<string, unknown>));
				const before = server.count();
				const run = await n8n.execute(id);
				check(ok(run, 'PandaPon'));
				expect(server.count()).toBeGreaterThan(before);
			});

			it('a refused request fails the workflow with PandaPon’s own message', async () => {
				const cancelled = pick(ORDER_STATUS.cancelled);
				n8n.importWorkflow(
					operationWorkflow('opPayCancelled', {
						resource: 'order',
						operation: 'pay',
						orderIds: cancelled.tbOrderId,
					}),
				);
				const run = await n8n.execute('opPayCancelled');
				expect(run.error?.message).toMatch(/PandaPon error \d+: .*订单已取消/);
			});
		});

		it('AI agent: the model sees the new tool descriptions, exact ids, and a refused or failed write as text it can act on', async () => {
			const paidOrder = pick(ORDER_STATUS.awaitingShipment);
			const unpaidOrder = fresh();
			const toolFor = (request: ChatRequest, action: string) => {
				const tool = request.tools?.find((t) => t.function.description?.startsWith(action));
				if (!tool)
					throw new Error(
						`no tool described as "${action}" in ${JSON.stringify(request.tools?.map((t) => t.function))}`,
					);
				return tool.function.name;
			};
			const LIST = 'Get many 1688 orders';
			const CANCEL = 'Cancel an unpaid 1688 order';
			const model = new FakeModel((request, turn) => {
				if (turn === 0) return { tool: toolFor(request, LIST), args: { limit: 3 } };
				if (turn === 1)
					return { tool: toolFor(request, CANCEL), args: { orderId: paidOrder.tbOrderId } }; // refused: already paid
				if (turn === 2) {
					// The connection is cut and the cancel lands 1.5 s later (PandaPon was still working on it): the outcome
					// is unknown, and a read made at once would still show the order open.
					server.setFaults([
						{
							path: '/v2/alibaba/order/cancel',
							kind: 'reset',
							apply: true,
							applyAfterMs: 1500,
							times: 1,
						},
					]);
					return { tool: toolFor(request, CANCEL), args: { orderId: unpaidOrder } };
				}
				return { text: 'Done.' };
			});
			await model.listen();
			try {
				n8n.importCredentials([
					{
						id: 'fakeOpenAi1',
						name: 'Fake model',
						type: 'openAiApi',
						data: { apiKey: 'sk-test-not-a-key', url: model.url },
					},
				]);
				const workflow = loadExample('ai-agent.json');
				const chatModel = workflow.nodes.find(
					(node) => node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				)!;
				chatModel.credentials = { openAiApi: { id: 'fakeOpenAi1', name: 'Fake model' } };
				chatModel.parameters = {
					...chatModel.parameters,
					model: { __rl: true, mode: 'id', value: 'fake-model' },
				};
				// A write tool beside the example's read-only ones, to see what a refused and a failed write tell the model,
				// added twice and named as the editor names them ("<action> in PandaPon", the copy "… in PandaPon1"): the
				// two tool names must stay apart after n8n cuts them to 64 characters, or the agent refuses to run.
				const cancelTool = (name: string, id: string, y: number) => ({
					name,
					type: 'n8n-nodes-pandapon.pandaPonTool',
					typeVersion: 1,
					position: [840, y],
					id,
					// n8n 1.x stops the agent on a tool error unless the tool node continues on error (then the model gets
					// the error item); 2.x hands the error message to the model by itself.
					...(version.key === 'v1' ? { onError: 'continueRegularOutput' } : {}),
					parameters: {
						resource: 'order',
						operation: 'cancel',
						orderId:
							"={{ $fromAI('orderId', 'The 1688 order ID (tbOrderId): 19 digits, copied exactly as text', 'string') }}",
						cancelReason: 'buyerCancel',
					},
					credentials: { pandaPonApi: { id: 'pandaponAccount1', name: 'PandaPon account' } },
				});
				for (const [name, id, y] of [
					[`${CANCEL} in PandaPon`, 'cancel-order', 320],
					[`${CANCEL} in PandaPon1`, 'cancel-order-copy', 440],
				] as const) {
					workflow.nodes.push(cancelTool(name, id, y));
					(workflow.connections as Record<string, unknown>)[name] = {
						ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]],
					};
				}
				n8n.importWorkflow(workflow);
				server.resetStats();
				const run = await n8n.execute(workflow.id);
				if (run.error)
					throw new Error(
						`agent run failed: ${run.error.message}\n${String(run.raw).slice(-2000)}`,
					);
				expect(model.requests.length).toBe(4);

				// The tools as the model sees them: names from the nodes, descriptions from the action texts.
				const tools = Object.fromEntries(
					(model.requests[0].tools ?? []).map((t) => [t.function.name, t.function.description]),
				);
				console.log(
					`[e2e] n8n ${version.n8n} tools as the model saw them: ${JSON.stringify(tools, null, 1)}`,
				);
				expect(Object.values(tools).some((d) => d?.startsWith(LIST))).toBe(true);
				expect(Object.values(tools).some((d) => d?.startsWith('Get a 1688 order'))).toBe(true);
				expect(Object.keys(tools)).toEqual(
					expect.arrayContaining([
						'Cancel_an_unpaid_1688_order_in_PandaPon',
						'Cancel_an_unpaid_1688_order_in_PandaPon1',
					]),
				);
				expect(Object.values(tools).filter((d) => d?.startsWith(CANCEL))).toHaveLength(2);

				const [listed, refused, failed] = model.toolResults();
				// Compact orders with exact 19-digit ids as text.
				for (const order of server.store.all().slice(0, 3))
					expect(listed).toContain(`"tbOrderId":"${order.tbOrderId}"`);
				expect(listed).toContain('totalAmountYuan');
				expect(listed).not.toContain('orderJson');
				expect(refused).toMatch(/PandaPon error \d+: /);
				expect(failed).toContain('Could not reach PandaPon');
				// The outcome was unknown: the node read the order back over its settling window and tells the model
				// what it proves. The cancel landed late, so it is never called safe to send again.
				expect(server.store.get(unpaidOrder)!.orderStatus).toBe(ORDER_STATUS.cancelled);
				expect(failed).not.toMatch(/did not go through|safe/);
				expect(failed).toMatch(
					/checked with PandaPon: it went through \(order \d{19} is now closed \(cancelled\)\)\. Do not send it again\./,
				);
				// Each cancel went out once: nothing retried behind the model's back.
				expect(server.count('POST /v2/alibaba/order/cancel')).toBe(2);
			} finally {
				server.clearFaults();
				await model.close();
			}
		});

		describe('fail closed', () => {
			/** Manual → two rows (quantities 1 and 2) → PandaPon with these parameters. */
			const twoRows = (id: string, parameters: Record<string, unknown>, rows: object[]) => {
				const workflow = operationWorkflow(id, parameters);
				workflow.nodes.splice(
					1,
					0,
					{
						name: 'Rows',
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						position: [120, 0],
						parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} },
					},
					{
						name: 'One item per row',
						type: 'n8n-nodes-base.splitOut',
						typeVersion: 1,
						position: [180, 0],
						parameters: { fieldToSplitOut: 'rows', options: {} },
					},
				);
				workflow.connections = {
					'Run now': { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
					Rows: { main: [[{ node: 'One item per row', type: 'main', index: 0 }]] },
					'One item per row': { main: [[{ node: 'PandaPon', type: 'main', index: 0 }]] },
				};
				return workflow;
			};
			const createRows = order('create', [{ ...line(1), quantity: '={{ $json.qty }}' }], {
				flow: 'general',
			}) as Record<string, unknown>;

			it('a two-row Create with row 2 refused names row 1’s order, and following the message orders nothing twice', async () => {
				const before = server.store.size;
				server.setFaults([
					{
						kind: 'code',
						code: 400,
						msg: '参数错误 (row 2)',
						method: 'POST',
						path: '/v2/alibaba/order/batch/create',
						after: 1,
						times: 1,
					},
				]);
				n8n.importWorkflow(twoRows('ffTwoRows', createRows, [{ qty: 1 }, { qty: 2 }]));
				const run = await n8n.execute('ffTwoRows');
				server.clearFaults();
				const made = server.store.all()[0].tbOrderId;
				expect(server.store.size).toBe(before + 1);
				expect(run.error?.message).toMatch(
					new RegExp(
						`^Item 1 was ordered \\(${made}\\); item 2 failed: PandaPon error 400: .* Running this node again would order item 1 again: remove it from the input first`,
					),
				);
				// The user removes row 1 as told and runs again: row 2 is ordered, row 1 is not ordered twice.
				n8n.importWorkflow(twoRows('ffTwoRowsAgain', createRows, [{ qty: 2 }]));
				const again = await n8n.execute('ffTwoRowsAgain');
				expect(again.error).toBeUndefined();
				expect(server.store.size).toBe(before + 2);
			});

			it('a two-row Create with bad input in row 2 orders nothing, row 1 included', async () => {
				const before = server.store.size;
				const requests = server.count();
				n8n.importWorkflow(twoRows('ffTwoRowsBad', createRows, [{ qty: 1 }, { qty: 0 }]));
				const run = await n8n.execute('ffTwoRowsBad');
				expect(run.error?.message).toMatch(
					/^Item 2: Cargo line #1: Quantity \(quantity\) must be greater than 0\. Nothing was sent for any of the 2 items/,
				);
				expect(server.store.size).toBe(before);
				expect(server.count()).toBe(requests);
			});

			it('a capped Create whose price rises before Pay stops at Pay: nothing paid', async () => {
				n8n.importWorkflow(
					operationWorkflow(
						'ffCapCreate',
						order('create', [line(1)], {
							flow: 'general',
							options: { maxOrderTotal: 100 },
						}) as Record<string, unknown>,
					),
				);
				const [created] = ok(await n8n.execute('ffCapCreate'), 'PandaPon');
				const id = created.orderId as string;
				expect(created.orderedTotalYuan).toBeLessThanOrEqual(100);
				server.store.modifyPrice(id, 20_000, 0); // the seller raises the shipping to 200 CNY
				const before = server.count('POST /alibaba/order/batch/submit/to/pay');
				n8n.importWorkflow(
					operationWorkflow('ffCapPay', {
						resource: 'order',
						operation: 'pay',
						orderIds: id,
						options: { maxPayTotal: 100 },
					}),
				);
				const run = await n8n.execute('ffCapPay');
				expect(run.error?.message).toMatch(
					new RegExp(
						`^Item 1: Not paid: PandaPon puts the current total at \\d+\\.\\d{2} CNY \\(${id}: .*\\), above Max Total to Pay 100\\.00 CNY$`,
					),
				);
				expect(server.count('POST /alibaba/order/batch/submit/to/pay')).toBe(before);
				expect(server.store.get(id)!.payStatus).toBe(1);
			});

			it('n8n’s own HTTP Request node cannot send a write with a Read Only PandaPon credential', async () => {
				n8n.importCredentials([
					{
						...credentialFor(server.url, server.keys),
						id: 'pandaponReadOnly1',
						name: 'PandaPon read only',
						data: { ...credentialFor(server.url, server.keys).data, access: 'readOnly' },
					},
				]);
				const id = fresh();
				const workflow = operationWorkflow('ffHttpReadOnly', {});
				workflow.nodes[1] = {
					name: 'PandaPon',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [240, 0],
					parameters: {
						method: 'POST',
						url: `${server.url}/v2/alibaba/order/page/../../../../alibaba//order/batch/submit/to/pay`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'pandaPonApi',
						sendBody: true,
						specifyBody: 'json',
						jsonBody: JSON.stringify({ orderIds: [id] }),
						options: {},
					},
					credentials: { pandaPonApi: { id: 'pandaponReadOnly1', name: 'PandaPon read only' } },
				};
				n8n.importWorkflow(workflow);
				server.resetStats();
				const run = await n8n.execute('ffHttpReadOnly');
				expect(`${run.error?.message} ${run.error?.description}`).toMatch(/Access: Read Only/);
				expect(server.count()).toBe(0);
				expect(server.store.get(id)!.payStatus).toBe(1);
			});
		});

		it('polling trigger: one notice per order change, nothing on a quiet poll, nothing again after a restart; over Max Orders it warns', async () => {
			const workflow = loadExample('order-changes.json');
			setParameters(workflow, 'Send to team chat', { url: `${server.url}/__admin/inbox` });
			// Every minute, n8n's shortest polling interval; a 90-day window holds the orders changed below.
			setParameters(workflow, 'PandaPon Order Changes', {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				lookBackDays: 90,
			});
			// Beside it, the same poller limited to 100 orders per check (the least it takes): each poll after the baseline warns with a
			// limitReached item (its notices are told apart by "from").
			const limited = {
				...loadExample('order-changes.json'),
				id: 'ppOrderChangesLimited',
				name: 'Order changes, limited',
			};
			setParameters(limited, 'PandaPon Order Changes', {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				lookBackDays: 90,
				options: { maxOrders: 100, onLimit: 'notice' },
			});
			setParameters(limited, 'Send to team chat', {
				url: `${server.url}/__admin/inbox`,
				jsonBody:
					"={{ JSON.stringify({ from: \"limited\", event: $json.event, text: $json.text, notChecked: $('PandaPon Order Changes').item.json.notChecked, maxOrders: $('PandaPon Order Changes').item.json.maxOrders }) }}",
			});
			for (const active of [workflow, limited]) {
				n8n.importWorkflow(active);
				n8n.activate(active.id);
			}
			const warnings = () => server.inbox.filter((m) => m.from === 'limited');
			const notices = () => server.inbox.filter((m) => m.from !== 'limited');
			const polls = () => server.count('POST /v2/alibaba/order/page');
			const nextPoll = async (label: string) => {
				const before = polls();
				await waitFor(label, async () => polls() > before, 90_000);
				await new Promise((resolve) => setTimeout(resolve, 3000)); // the poll's executions finish
			};
			// Orders of its own, in the states each change starts from, made before the baseline (other tests cancel
			// or pay the seeded ones).
			const paid = fresh();
			const priced = fresh();
			const cancelled = fresh();
			const shipped = fresh();
			server.store.pay(shipped);
			const received = fresh();
			server.store.pay(received);
			server.store.ship(received);
			server.inbox.length = 0;
			server.resetStats();
			try {
				await n8n.start();
				try {
					// n8n polls once on activation: the baseline, which emits nothing.
					await waitFor('the baseline poll', async () => polls() > 0, 60_000);
					await new Promise((resolve) => setTimeout(resolve, 2000));
					expect(notices()).toHaveLength(0);

					const created = fresh();
					server.store.pay(paid);
					server.store.modifyPrice(priced, 0, 100);
					server.store.cancel(cancelled, 'buyerCancel');
					server.store.ship(shipped);
					server.store.confirmReceipt(received, undefined);
					const expected = [
						`new|${created}`,
						`paid|${paid}`,
						`priceChanged|${priced}`,
						`cancelled|${cancelled}`,
						`shipped|${shipped}`,
						`received|${received}`,
					].sort();

					await waitFor(
						'the notices of the changes',
						async () => notices().length >= expected.length,
						120_000,
					);
					await new Promise((resolve) => setTimeout(resolve, 3000));
					expect(
						notices()
							.map((m) => `${m.event}|${m.orderId}`)
							.sort(),
					).toEqual(expected);

					await nextPoll('a quiet poll');
					expect(notices()).toHaveLength(expected.length);
					// The limited poller said, on each poll after its baseline, how many orders it did not check.
					// (It also reports the changes of the orders it did check; only its warnings matter here.)
					const warned = warnings().filter((m) => m.event === 'limitReached');
					expect(warned.length).toBeGreaterThanOrEqual(1);
					for (const m of warned)
						expect(m).toMatchObject({
							event: 'limitReached',
							maxOrders: 100,
							text: expect.stringMatching(/^⚠️ .*were not checked on this poll/),
						});
					expect(warned.every((m) => Number(m.notChecked) > 0)).toBe(true);
				} finally {
					await n8n.stopServer();
				}

				// n8n restarted: the activation poll compares with the saved snapshot and emits nothing again.
				server.resetStats();
				await n8n.start();
				try {
					await waitFor('the poll after the restart', async () => polls() > 0, 60_000);
					await new Promise((resolve) => setTimeout(resolve, 3000));
					expect(notices()).toHaveLength(6);
				} finally {
					await n8n.stopServer();
				}
			} finally {
				// The next tests start n8n too: this poller must not run there.
				n8n.deactivate(workflow.id);
				n8n.deactivate(limited.id);
				server.inbox.length = 0;
			}
		});

		it('trigger: an active workflow turns each valid, new callback into exactly one notice', async () => {
			const workflow = loadExample('callback-notify.json');
			setParameters(workflow, 'Send to team chat', { url: `${server.url}/__admin/inbox` });
			const stored = answeringAfterStored(workflow);
			const strict = notifyVariant(workflow, 'Reject', '6f1d2c9e-8a41-4b7e-9d35-0c6a1e0d0003', {
				signatureCheck: 'reject',
			});
			const highVolume = setParameters(
				loadExample('webhook-node-pushes.json'),
				'Send to team chat',
				{ url: `${server.url}/__admin/inbox` },
			);
			for (const active of [workflow, stored, strict, highVolume]) {
				n8n.importWorkflow(active);
				n8n.activate(active.id);
			}
			await n8n.start();
			try {
				const url = await n8n.liveTriggerUrl(workflow);
				const storedUrl = await n8n.liveTriggerUrl(stored);
				const strictUrl = await n8n.liveTriggerUrl(strict);
				const plan = burst(server, 120, { duplicates: 0.1, malformed: 0.05 });
				const answers = await postAll(url, plan.bodies, 8);
				expect(answers.filter((a) => a.status === 200)).toHaveLength(
					plan.bodies.length - plan.malformed,
				);
				// Bodies that are not JSON are refused by n8n's own body parser before the node runs; envelopes that are
				// JSON but not PandaPon's are refused by the node with 400. Either way: a 4xx, and no execution.
				const refused = answers.filter((a) => a.status !== 200).map((a) => a.status);
				expect(refused).toHaveLength(plan.malformed);
				for (const status of refused)
					expect(status >= 400 && status < 500 ? 'a 4xx' : status).toBe('a 4xx');
				await waitFor('the notices', async () => server.inbox.length >= plan.uniqueMatching, 60000);
				await new Promise((resolve) => setTimeout(resolve, 1500)); // room for any extra (it would be a bug)
				const notices = server.inbox.map((m) => `${m.event}|${m.orderId}`);
				expect(notices).toHaveLength(plan.uniqueMatching);
				expect(new Set(notices).size).toBe(plan.uniqueMatching);
				expect(server.inbox.every((m) => /CNY/.test(String(m.text)))).toBe(true);

				// Answer PandaPon: After the Execution Is Stored gives the same exactness (and 200s) through n8n's own answer.
				server.inbox.length = 0;
				const later = burst(server, 40, { duplicates: 0.1, malformed: 0, offset: 120 });
				const laterAnswers = await postAll(storedUrl, later.bodies, 4);
				// A copy that arrives while another copy of the same push is still being stored gets 503 (PandaPon re-sends
				// it later), so a store that then fails cannot lose it; everything else gets 200. Copies sent close together
				// may reach n8n in either order, so which copy gets the 503 is not fixed: only pushes sent more than once get
				// one, and each push gets at least one 200.
				const sent = new Map<string, number[]>();
				laterAnswers.forEach((a, i) =>
					sent.set(later.bodies[i], [...(sent.get(later.bodies[i]) ?? []), a.status]),
				);
				for (const statuses of sent.values()) {
					expect(statuses).toContain(200);
					for (const status of statuses.filter((s) => s !== 200))
						expect([status, statuses.length > 1]).toEqual([503, true]);
				}
				await waitFor(
					'the notices',
					async () => server.inbox.length >= later.uniqueMatching,
					60000,
				);
				await new Promise((resolve) => setTimeout(resolve, 1500));
				expect(new Set(server.inbox.map((m) => `${m.event}|${m.orderId}`)).size).toBe(
					later.uniqueMatching,
				);
				expect(server.inbox).toHaveLength(later.uniqueMatching);

				// Signed pushes (Authorization = hex HMAC-SHA256 of the body with the Access Secret of the credential).
				const secret = server.keys.accessSecret;
				const paid = (i: number) => server.store.all()[250 + i];
				const push = (i: number) =>
					JSON.stringify(CallbackPusher.fromOrder('ORDER_PAY_SUCCESS', paid(i)));
				const send = async (target: string, body: string, authorization?: string) =>
					(
						await fetch(target, {
							method: 'POST',
							headers: {
								'Content-Type': 'application/json',
								...(authorization ? { Authorization: authorization } : {}),
							},
							body,
						})
					).status;
				const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

				// Reject: missing, wrong and other-secret signatures get 401 and start nothing; the signed one exactly one run.
				server.inbox.length = 0;
				const forged = push(0);
				expect([
					await send(strictUrl, forged),
					await send(strictUrl, forged, 'B7F83FE2ADC8D8F044F2E01F0FFE8C80'),
					await send(strictUrl, forged, signPush(forged, 'another-secret')),
				]).toEqual([401, 401, 401]);
				expect(await send(strictUrl, forged, signPush(forged, secret).toUpperCase())).toBe(200);
				await waitFor('the signed notice', async () => server.inbox.length >= 1, 60000);
				await settle();
				expect(server.inbox.map((m) => m.orderId)).toEqual([paid(0).tbOrderId]);

				// Learn (the example's default): the burst above was unsigned and ran flagged; after one signed push,
				// forgeries are refused.
				server.inbox.length = 0;
				const real = push(1);
				expect(await send(url, real, signPush(real, secret))).toBe(200);
				await waitFor('the signed notice', async () => server.inbox.length >= 1, 60000);
				const late = push(2);
				expect([
					await send(url, late),
					await send(url, late, signPush(late, 'another-secret')),
				]).toEqual([401, 401]);
				await settle();
				expect(server.inbox.map((m) => m.orderId)).toEqual([paid(1).tbOrderId]);

				// Confirm With PandaPon: an "Order Paid" for an order PandaPon shows unpaid reaches the workflow as
				// confirmed: false, the real one as confirmed: true (the example's notice carries it).
				server.inbox.length = 0;
				const unpaidOrder = fresh();
				// An hour-old payTime keeps the claim's body apart from the real push's (same-second bodies are one message).
				const claim = JSON.stringify(
					CallbackPusher.fromOrder('ORDER_PAY_SUCCESS', {
						...server.store.get(unpaidOrder)!,
						payStatus: 2,
						payTime: Date.now() - 3600_000,
					}),
				);
				expect(await send(strictUrl, claim, signPush(claim, secret))).toBe(200);
				await waitFor('the unconfirmed notice', async () => server.inbox.length >= 1, 60000);
				server.store.pay(unpaidOrder);
				const truth = JSON.stringify(
					CallbackPusher.fromOrder('ORDER_PAY_SUCCESS', server.store.get(unpaidOrder)!),
				);
				expect(await send(strictUrl, truth, signPush(truth, secret))).toBe(200);
				await waitFor('the confirmed notice', async () => server.inbox.length >= 2, 60000);
				expect(server.inbox.map((m) => [m.orderId, String(m.confirmed)])).toEqual([
					[unpaidOrder, 'false'],
					[unpaidOrder, 'true'],
				]);

				// A captured signed push replayed with an old timestamp is refused in Reject mode.
				const replay = JSON.stringify({
					...CallbackPusher.fromOrder('ORDER_PAY_SUCCESS', paid(3)),
					timestamp: String(Date.UTC(2020, 0, 1)),
				});
				expect(await send(strictUrl, replay, signPush(replay, secret))).toBe(401);

				// High-volume pushes: n8n's own Webhook node (raw body) → Verify Push. A signed burst with duplicates and
				// malformed bodies gives one notice per unique matching message; forged and replayed pushes none.
				server.inbox.length = 0;
				const hookUrl = await n8n.liveWebhookUrl(highVolume);
				const signedBurst = burst(server, 60, { duplicates: 0.1, malformed: 0.05, offset: 160 });
				const hookAnswers = await postAll(hookUrl, signedBurst.bodies, 4, 0, (body) => ({
					Authorization: signPush(body, secret),
				}));
				expect(hookAnswers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(
					signedBurst.bodies.length - signedBurst.malformed,
				);
				const forgedAtHook = push(4);
				await send(hookUrl, forgedAtHook);
				await send(hookUrl, forgedAtHook, signPush(forgedAtHook, 'another-secret'));
				await send(hookUrl, replay, signPush(replay, secret));
				await waitFor(
					'the notices through the Webhook node',
					async () => server.inbox.length >= signedBurst.uniqueMatching,
					60000,
				);
				await new Promise((resolve) => setTimeout(resolve, 3000));
				const hookNotices = server.inbox.map((m) => `${m.event}|${m.orderId}`);
				expect(hookNotices).toHaveLength(signedBurst.uniqueMatching);
				expect(new Set(hookNotices).size).toBe(signedBurst.uniqueMatching);
				expect(hookNotices.some((n) => n.endsWith(paid(4).tbOrderId))).toBe(false);
			} finally {
				await n8n.stopServer();
			}
		});
	},
);
