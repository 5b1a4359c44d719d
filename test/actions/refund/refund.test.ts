/** 1688 After-Sale through n8n's engine against the local server. */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import { ORDER_STATUS } from '../../../packages/local-server/src/store';
import {
	expectRefusedBeforeSending,
	imageItem,
	lastBody,
	lastRequest,
	PNG_BYTES,
} from '../../support/helpers';

describe('1688 After-Sale', () => {
	const local = useLocalServer({ seedOrders: 200 });
	const paid = () =>
		local.server.store
			.all()
			.find((o) => o.orderStatus === ORDER_STATUS.awaitingShipment && o.refundStatus === 0)!;

	it('Get Refund Reasons, Upload Voucher (binary), Create, Get, Submit Return Shipment', async () => {
		const order = paid();
		const reasons = await local.json({
			resource: 'refund',
			operation: 'getReasons',
			orderId: order.tbOrderId,
			goodsStatus: 'refundWaitSellerSend',
		});
		expect(reasons.map((r) => r.id)).toContain(20006);
		expect(lastRequest(local, '/alibaba/refund/reasons').rawBody).toContain(
			`"orderId":${order.tbOrderId}`,
		);

		const [voucher] = await local.json(
			{
				resource: 'refund',
				operation: 'uploadVoucher',
				useUnverifiedEndpoint: true,
				imageBase64BinaryProperty: 'data',
			},
			{ items: [imageItem('box.png')] },
		);
		expect(voucher.voucherUrl).toMatch(/\.png$/);
		const sent = lastBody(local, '/alibaba/refund/voucher/upload');
		expect(Buffer.from(String(sent.imageBase64), 'base64').equals(PNG_BYTES)).toBe(true);
		expect(sent.fileName).toBe('box.png');

		const [created] = await local.json({
			resource: 'refund',
			operation: 'create',
			orderId: order.tbOrderId,
			disputeRequest: 'refund',
			goodsStatus: 'refundWaitSellerSend',
			applyPayment: 100,
			applyCarriage: 0,
			applyReasonId: 20006,
			description: 'wrong size',
			additionalFields: {
				vouchers: JSON.stringify([voucher.voucherUrl]),
				orderEntryIds: order.items[0].subTbOrderId,
				// typed as a bare 19-digit number: it must reach PandaPon digit for digit
				orderEntryCountList: `[{"id": ${order.items[0].subTbOrderId}, "count": 1}]`,
			},
		});
		const refundId = String(created.refundId);
		expect(refundId).toMatch(/^TQ\d{19}$/);
		const raw = lastRequest(local, '/v2/alibaba/refund/detail/create').rawBody;
		expect(raw).toContain(`"orderId":${order.tbOrderId}`);
		expect(raw).toContain(`"orderEntryIds":[${order.items[0].subTbOrderId}]`);
		expect(raw).toContain(
			`"orderEntryCountList":[{"id":${order.items[0].subTbOrderId},"count":1}]`,
		);
		expect(local.server.store.get(order.tbOrderId)!.refundAmountFen).toBe(100);

		const [info] = await local.json({ resource: 'refund', operation: 'get', refundId });
		expect(info).toMatchObject({ refundId, applyPayment: 100, vouchers: [voucher.voucherUrl] });
		expect(lastRequest(local, '/alibaba/refund/info').query.refundId).toBe(refundId); // in the query as well

		const carriers = await local.json({ resource: 'refund', operation: 'getLogisticsCompanies' });
		const [shipped] = await local.json({
			resource: 'refund',
			operation: 'returnGoods',
			refundId,
			logisticsCompanyNo: carriers[0].companyNo,
			freightBill: '4312345678901',
		});
		expect(shipped).toMatchObject({ submitted: true, refundId });
		const [after] = await local.json({ resource: 'refund', operation: 'get', refundId });
		expect(after).toMatchObject({ buyerSendGoods: true, freightBill: '4312345678901' });
	});

	it('Upload Voucher refuses a non-image file (PandaPon says why) and a missing binary (before sending)', async () => {
		const text = {
			$binary: {
				data: {
					data: Buffer.from('not an image').toString('base64'),
					mimeType: 'text/plain',
					fileName: 'a.txt',
				},
			},
		};
		const result = await local.run(
			{
				resource: 'refund',
				operation: 'uploadVoucher',
				useUnverifiedEndpoint: true,
				imageBase64BinaryProperty: 'data',
			},
			{ items: [text] },
		);
		expect(result.error?.message).toMatch(/PandaPon error 400: .*JPG or PNG/);
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'refund',
				operation: 'uploadVoucher',
				useUnverifiedEndpoint: true,
				imageBase64BinaryProperty: 'data',
			},
			/^Item 1: Input Binary Field: the input item has no binary property "data"/,
			[{}],
		);
	});

	it.each<[string, IDataObject, RegExp]>([
		[
			'Create: negative amount',
			{
				operation: 'create',
				orderId: '2542285634920880794',
				disputeRequest: 'refund',
				goodsStatus: 'x',
				applyPayment: -1,
				applyCarriage: 0,
				applyReasonId: 1,
				description: 'd',
			},
			/^Item 1: Refund amount \(applyPayment\) must be at least 0/,
		],
		[
			'Create: no description',
			{
				operation: 'create',
				orderId: '2542285634920880794',
				disputeRequest: 'refund',
				goodsStatus: 'x',
				applyPayment: 1,
				applyCarriage: 0,
				applyReasonId: 1,
				description: '={{ $json.missing }}',
			},
			/^Item 1: Description \(description\) is required/,
		],
		[
			'Create: vouchers not JSON',
			{
				operation: 'create',
				orderId: '2542285634920880794',
				disputeRequest: 'refund',
				goodsStatus: 'x',
				applyPayment: 1,
				applyCarriage: 0,
				applyReasonId: 1,
				description: 'd',
				additionalFields: { vouchers: '[oops' },
			},
			/^Item 1: Voucher Images is not valid JSON/,
		],
		[
			'Get Reasons: order id with a dash',
			{ operation: 'getReasons', orderId: '2542-285', goodsStatus: 'x' },
			/^Item 1: Order ID \(orderId\) must contain digits only/,
		],
		[
			'Return Shipment: no waybill',
			{
				operation: 'returnGoods',
				refundId: 'TQ1',
				logisticsCompanyNo: 'YUNDA',
				freightBill: '={{ $json.missing }}',
			},
			/^Item 1: Waybill number \(freightBill\) is required/,
		],
		[
			'Get: no refund id',
			{ operation: 'get', refundId: '={{ $json.missing }}' },
			/^Item 1: Refund ID \(refundId\) is required/,
		],
	])('%s is refused before sending', async (_name, parameters, message) => {
		await expectRefusedBeforeSending(local, { resource: 'refund', ...parameters }, message);
	});
});
