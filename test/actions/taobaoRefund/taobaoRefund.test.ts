/** Taobao After-Sale through n8n’s engine against the local server. */
import { useLocalServer } from '../../support/localServer';
import { lastBody } from '../../support/helpers';

describe('Taobao After-Sale', () => {
	const local = useLocalServer({ seedOrders: 10 });

	it('Refund Get Many sends the date pickers as epoch milliseconds', async () => {
		await local.json({
			resource: 'taobaoRefund',
			operation: 'getAll',
			limit: 5,
			additionalFields: {
				refundStartTime: '2026-01-02T03:04:05.000Z',
				refundEndTime: '2026-02-01',
			},
		});
		const body = lastBody(local, '/open/order/refund/queryList');
		expect([body.refundStartTime, body.refundEndTime]).toEqual([
			Date.parse('2026-01-02T03:04:05.000Z'),
			Date.parse('2026-02-01'),
		]);
	});
});
