/** Taobao Product through n8n’s engine against the local server. */

import { useLocalServer } from '../../support/localServer';
import {
	expectRefusedBeforeSending,
	imageItem,
	lastBody,
	lastRequest,
	PNG_BYTES,
} from '../../support/helpers';

describe('Taobao Product', () => {
	const local = useLocalServer({ seedOrders: 10 });

	it('Get sends itemId in the query of a GET', async () => {
		const [item] = await local.json({
			resource: 'taobaoProduct',
			operation: 'get',
			itemId: '672991141190',
		});
		expect(item).toMatchObject({ itemId: '672991141190', quantity: 120 });
		const request = lastRequest(local, '/v2/taobao/product/get');
		expect([request.method, request.query.itemId, request.rawBody]).toEqual([
			'GET',
			'672991141190',
			'',
		]);
	});

	it('Check Items sends params as a JSON string', async () => {
		const [check] = await local.json({
			resource: 'taobaoProduct',
			operation: 'checkBatch',
			params: JSON.stringify([
				{ itemId: '672991141190', skuIds: ['3452545926724'] },
				{ itemId: '623457812345', skuIds: [] },
			]),
		});
		expect(check.noMpProductItemIds).toEqual(['623457812345']);
		expect(typeof lastBody(local, '/open/product/batch/check').params).toBe('string');
		await expectRefusedBeforeSending(
			local,
			{ resource: 'taobaoProduct', operation: 'checkBatch', params: '[]' },
			/^Item 1: Items to check \(params\) must be a JSON array with at least one entry/,
		);
	});

	it('Search by Keyword pages with pageNo and refuses a page size over 40', async () => {
		const rows = await local.json({
			resource: 'taobaoProduct',
			operation: 'search',
			keyword: 'T恤',
			returnAll: true,
		});
		expect(rows.map((r) => r.itemId)).toEqual(['600126245031041190']);
		expect(lastBody(local, '/v2/taobao/product/item/search')).toMatchObject({
			keyword: 'T恤',
			pageNo: 1,
			pageSize: 20,
		});
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'taobaoProduct',
				operation: 'search',
				keyword: 'x',
				returnAll: true,
				options: { pageSize: 41 },
			},
			/^Item 1: Page Size must be a whole number from 1 to 40/,
		);
	});

	it('Search by Image (inferred) sends the binary image', async () => {
		const rows = await local.json(
			{
				resource: 'taobaoProduct',
				operation: 'searchByImage',
				imageSource: 'binary',
				binaryPropertyName: 'data',
				limit: 2,
			},
			{ items: [imageItem()] },
		);
		expect(rows).toHaveLength(2);
		expect(
			Buffer.from(
				String(lastBody(local, '/v2/taobao/product/image/search').imageBase64),
				'base64',
			).equals(PNG_BYTES),
		).toBe(true);
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'taobaoProduct',
				operation: 'searchByImage',
				imageSource: 'binary',
				binaryPropertyName: 'data',
				limit: 2,
			},
			/no binary property "data"/,
			[{}],
		);
	});

	it('Inquire (inferred) and Get Source Goods', async () => {
		const [inquiry] = await local.json({
			resource: 'taobaoProduct',
			operation: 'inquire',
			itemId: '623457812345',
		});
		expect(inquiry).toMatchObject({ canSell: false });
		const [source] = await local.json({
			resource: 'taobaoProduct',
			operation: 'getSource',
			itemId: '672991141190',
			language: 'vi',
		});
		expect(source).toMatchObject({ itemId: '672991141190', language: 'vi' });
		await expectRefusedBeforeSending(
			local,
			{ resource: 'taobaoProduct', operation: 'getSource', itemId: '={{ $json.missing }}' },
			/^Item 1: Item ID \(itemId\) is required/,
		);
	});
});
