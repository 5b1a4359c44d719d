/** A whole purchase through n8n's engine, checking the order with Get after every step. */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import { orderParams, otherSellerLine, sampleLine } from '../../support/orderFixtures';

describe('full purchase', () => {
	const local = useLocalServer({ seedOrders: 1000 });
	const status = async (orderId: string) => {
		const [detail] = await local.json({ resource: 'order', operation: 'get', orderId });
		return detail.status;
	};

	it('preview → create → pay → (seller ships) → confirm receipt → logistics', async () => {
		const [preview] = await local.json(orderParams('preview', [sampleLine(3)]));
		const priced = (preview.orderPreviewResuslt as IDataObject[])[0];
		expect(priced.sumPaymentNoCarriage).toBe(5700);

		const [created] = await local.json(orderParams('create', [sampleLine(3)]));
		const orderId = created.orderId as string;
		expect(await status(orderId)).toBe('waitbuyerpay');
		const [listed] = await local.json({
			resource: 'order',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { tbOrderId: orderId },
		});
		expect(listed.totalAmountYuan).toBe((priced.sumPayment as number) / 100); // the preview sums are in fen

		const [paid] = await local.json({ resource: 'order', operation: 'pay', orderIds: orderId });
		expect(paid.submitted).toBe(true);
		expect(await status(orderId)).toBe('waitsellersend');

		// Receipt cannot be confirmed before shipping. PandaPon's code 500 is no published refusal, so the node reads
		// the order back (over 1 s + 2 s with a 1 s timeout): unshipped may still ship, so it cannot tell, never "safe".
		const early = await local.run(
			{ resource: 'order', operation: 'confirmReceipt', orderId },
			{ credentials: { ...local.credentials, timeoutSeconds: 1 } },
		);
		expect(early.error?.message).toMatch(
			/订单状态不允许确认收货.* could not tell \(order \d{19} is paid/,
		);

		local.server.store.ship(orderId); // the seller ships
		expect(await status(orderId)).toBe('waitbuyerreceive');

		const [confirmed] = await local.json({
			resource: 'order',
			operation: 'confirmReceipt',
			orderId,
		});
		expect(confirmed.confirmed).toBe(true);
		expect(await status(orderId)).toBe('confirm_goods');

		const [tracking] = await local.json({ resource: 'order', operation: 'getLogistics', orderId });
		const steps = ((tracking.parcels as IDataObject[])[0].logisticsSteps as IDataObject[]).map(
			(s) => s.remark,
		);
		expect(steps[steps.length - 1]).toMatch(/delivered/);
	});

	it('cancels an unpaid order from a batch create, and cannot pay it afterwards', async () => {
		const created = await local.json(
			orderParams('createBatch', [sampleLine(1), otherSellerLine(local.server.store.catalog, 1)]),
		);
		const [first, second] = created.map((c) => c.orderId as string);
		await local.json({
			resource: 'order',
			operation: 'cancel',
			orderId: first,
			cancelReason: 'buyerCancel',
		});
		expect(await status(first)).toBe('cancel');
		expect(await status(second)).toBe('waitbuyerpay');

		const payCancelled = await local.run({ resource: 'order', operation: 'pay', orderIds: first });
		expect(payCancelled.error?.message).toMatch(/订单已取消/);
		const [url] = await local.json({
			resource: 'order',
			operation: 'getPaymentUrl',
			orderId: first,
		});
		expect(url.cantPayOrderList).toEqual([first]);
	});
});
