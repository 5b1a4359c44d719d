/**
 * PandaPon node → Push → Verify Push: pushes as n8n's Webhook node hands them on (headers, parsed body, and the raw
 * body in binary "data"), run through n8n's engine against the local server. The operation makes the trigger's
 * decisions with the trigger's code: the same pushes are accepted or refused by both.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import { pandaponWorkflow, runWorkflow } from '../../../tools/engine';
import { ORDER_STATUS, PAY_STATUS } from '../../../packages/local-server/src/store';
import { signPush } from '../../../nodes/PandaPon/model/pushSignature';
import { useWebhookHosts } from '../../support/webhookHost';

let counter = 0;
const paidPush = (orderId: string, timestamp = Date.now()) =>
	JSON.stringify({
		messageType: '1688_ORDER_PAY_SUCCESS',
		messagePlatform: 1,
		timestamp: String(timestamp),
		messageBody: { orderId, n: ++counter },
	}).replace(`"${orderId}"`, orderId);

/** What n8n's Webhook node (Raw Body on) outputs for a POST with this body. */
function received(body: string, authorization?: string): IDataObject {
	let parsed: unknown = {};
	try {
		parsed = JSON.parse(body);
	} catch {
		parsed = {};
	}
	return {
		headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
		params: {},
		query: {},
		body: parsed as IDataObject,
		$binary: { data: { data: Buffer.from(body).toString('base64'), mimeType: 'application/json' } },
	};
}

describe('Push → Verify Push (behind n8n’s Webhook node)', () => {
	const local = useLocalServer();
	const secret = () => local.server.keys.accessSecret;
	const signed = (body: string) => received(body, signPush(body, secret()));
	const verify = (items: IDataObject[], parameters: IDataObject = {}) =>
		local.run(
			{
				resource: 'push',
				operation: 'verify',
				rawBodyField: 'data',
				signatureCheck: 'reject',
				events: ['*'],
				options: {},
				...parameters,
			},
			{ items },
		);
	const paidOrder = () => local.server.store.all().find((o) => o.payStatus === PAY_STATUS.paid)!;
	const unpaidOrder = () =>
		local.server.store.all().find((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)!;

	it('a signed push comes out as the trigger would start it: exact 19-digit id, signature valid, confirmed by PandaPon', async () => {
		const order = paidOrder();
		const result = await verify([signed(paidPush(order.tbOrderId))]);
		expect(result.error).toBeUndefined();
		const [item] = result.output();
		expect(item.json).toMatchObject({
			type: 'ORDER_PAY_SUCCESS',
			platform: '1688',
			signature: 'valid',
			understood: true,
			fresh: true,
			confirmed: true,
		});
		expect((item.json.body as IDataObject).orderId).toBe(order.tbOrderId);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('Reject: unsigned, mis-signed and replayed pushes come out as nothing; Flag lets them out marked, and a forged "paid" for an unpaid order is confirmed: false', async () => {
		const unpaid = unpaidOrder().tbOrderId;
		const forged = paidPush(unpaid);
		const misSigned = paidPush(unpaid);
		const old = paidPush(paidOrder().tbOrderId, Date.UTC(2020, 0, 1));
		const items = [
			received(forged),
			received(misSigned, signPush(misSigned, 'another-secret')),
			signed(old),
		];
		const rejected = await verify(items);
		expect(rejected.error).toBeUndefined();
		expect(rejected.output()).toHaveLength(0);
		const flagged = await verify(items, { signatureCheck: 'flag' });
		expect(flagged.output().map((i) => [i.json.signature, i.json.fresh, i.json.confirmed])).toEqual(
			[
				['missing', true, false],
				['invalid', true, false],
				['valid', false, true],
			],
		);
		expect(String(flagged.output()[0].json.confirmReason)).toMatch(
			/the push says paid, PandaPon shows the order/,
		);
	});

	it('duplicates come out once, within one run and across runs', async () => {
		const body = paidPush(paidOrder().tbOrderId);
		const first = await verify([signed(body), signed(body)]);
		expect(first.output()).toHaveLength(1);
		expect((await verify([signed(body)])).output()).toHaveLength(0);
	});

	it('Events: other types come out as nothing; the empty Verify call too', async () => {
		const body = paidPush(paidOrder().tbOrderId);
		expect(
			(await verify([signed(body), signed('')], { events: ['ORDER_CANCEL'] })).output(),
		).toHaveLength(0);
	});

	it('without the raw body it fails before reading anything, naming the item and the Webhook option', async () => {
		local.server.resetStats();
		const withoutRaw = signed(paidPush(paidOrder().tbOrderId));
		delete withoutRaw.$binary;
		const result = await verify([withoutRaw]);
		expect(result.error?.message).toMatch(
			/^Item 1: the push has no raw body in the binary field “data”.*turn on Raw Body/,
		);
		expect(local.server.count()).toBe(0);
	});

	it('a credential without an Access Secret: the run fails (the push stays in its input), nothing is passed on unchecked', async () => {
		const body = paidPush(paidOrder().tbOrderId);
		const result = await runWorkflow(
			pandaponWorkflow({
				parameters: {
					resource: 'push',
					operation: 'verify',
					rawBodyField: 'data',
					signatureCheck: 'reject',
					events: ['*'],
					options: {},
				},
				items: [signed(body)],
			}),
			{
				pandaPonApi: { ...local.credentials, accessSecret: ' ' },
			},
		);
		expect(result.error?.message).toMatch(
			/^Item 1: the push’s signature cannot be checked, so it was not passed on: .*no Access Secret/,
		);
		expect(result.output()).toHaveLength(0);
	});

	describe('the same decisions as the PandaPon Trigger', () => {
		const host = useWebhookHosts();
		it('a table of pushes: accepted by both or refused by both, with the same item', async () => {
			const id = paidOrder().tbOrderId;
			const stamp = Date.now();
			const bodies = [
				paidPush(id, stamp),
				paidPush(id, Date.UTC(2020, 0, 1)),
				'{"messageType":"1688_ORDER_CREATE","messagePlatform":7,"messageBody":{}}',
				'{"orderId":"2542285634920880794","event":"new"}',
				'not json',
				JSON.stringify({
					messageType: 'TAOBAO_ORDER_CANCEL',
					messagePlatform: 0,
					timestamp: String(stamp),
					messageBody: { orderId: '3980001234567890123' },
				}),
			];
			for (const mode of ['reject', 'flag']) {
				const h = await host({
					credentials: { accessSecret: secret() },
					parameters: { signatureCheck: mode, options: { confirm: false, dedupe: false } },
				});
				for (const body of bodies) {
					for (const authorization of [signPush(body, secret()), undefined]) {
						const answer = await axios.post(h.url, body, {
							headers: {
								'Content-Type': 'application/json',
								...(authorization ? { Authorization: authorization } : {}),
							},
							validateStatus: () => true,
							transformRequest: (b) => b,
						});
						const started =
							answer.status === 200 && h.executions.length > 0
								? h.executions.pop()![0].json
								: undefined;
						const result = await verify([received(body, authorization)], {
							signatureCheck: mode,
							options: { confirm: false, dedupe: false },
						});
						const out = result.output()[0]?.json;
						expect([mode, body, Boolean(authorization), out ? { ...out } : undefined]).toEqual([
							mode,
							body,
							Boolean(authorization),
							started ? { ...started } : undefined,
						]);
					}
				}
			}
		});
	});
});
