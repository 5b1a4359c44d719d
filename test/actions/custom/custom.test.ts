/** Signed API Call through n8n’s engine against the local server. */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import { expectRefusedBeforeSending, lastRequest } from '../../support/helpers';

describe('Signed API Call', () => {
	const local = useLocalServer({ seedOrders: 10 });

	it('sends a signed request to any path, 19-digit ids intact both ways', async () => {
		const [page] = await local.json({
			resource: 'custom',
			operation: 'call',
			method: 'POST',
			path: '/v2/alibaba/order/page',
			query: '{}',
			body: '{"pageNum": 1, "pageSize": 2}',
		});
		expect((page.data as IDataObject[])[0].tbOrderId).toMatch(/^\d{19}$/);
		const first = local.server.store.all()[0].tbOrderId;
		const [detail] = await local.json({
			resource: 'custom',
			operation: 'call',
			method: 'POST',
			path: '/alibaba/order/detail',
			query: '{}',
			body: `{"webSite": "1688", "orderId": ${first}}`,
		});
		expect((detail.baseInfo as IDataObject).idOfStr).toBe(first);
		expect(lastRequest(local, '/alibaba/order/detail').rawBody).toContain(`"orderId": ${first}}`); // sent exactly as typed
	});

	it('refuses a full URL as a path and a body that is not JSON, before sending', async () => {
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'custom',
				operation: 'call',
				method: 'GET',
				path: 'https://evil.example/steal',
				query: '{}',
			},
			/^Item 1: API Path "https:\/\/evil.example\/steal" must be a path starting with \//,
		);
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'custom',
				operation: 'call',
				method: 'POST',
				path: '/x',
				query: '{}',
				body: '{oops',
			},
			/^Item 1: Body \(JSON\) is not valid JSON/,
		);
	});
});
