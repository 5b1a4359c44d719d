/** Taobao Cart (inferred paths) through n8n’s engine against the local server. */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import { expectRefusedBeforeSending, lastBody } from '../../support/helpers';
import { TAOBAO_RECEIVER as RECEIVER } from '../../support/orderFixtures';

describe('Taobao Cart (inferred paths)', () => {
	const local = useLocalServer({ seedOrders: 10 });

	it('Add (properties as JSON text), Get Many, Update Quantity, Preview, Create Order, Delete', async () => {
		const props = [{ propId: '1627207', propName: '颜色', valueId: '28341', valueName: '黑色' }];
		await local.json({
			resource: 'taobaoCart',
			operation: 'add',
			mpId: 'mp672991141190',
			mpSkuId: 'mps3452545926724',
			quantity: 1,
			additionalFields: { price: 9300, properties: JSON.stringify(props) },
		});
		expect(typeof lastBody(local, '/v2/taobao/cart/add').properties).toBe('string');
		await local.json({
			resource: 'taobaoCart',
			operation: 'add',
			mpId: 'mp600126245031',
			mpSkuId: 'mps5016042822039',
			quantity: 3,
			additionalFields: { price: 100 },
		});
		const lines = await local.json({ resource: 'taobaoCart', operation: 'getAll' });
		expect(lines.map((l) => l.mpId)).toEqual(['mp672991141190', 'mp600126245031']);
		await local.json({
			resource: 'taobaoCart',
			operation: 'updateQuantity',
			useUnverifiedEndpoint: true,
			id: String(lines[0].id),
			quantity: 2,
		});
		const [preview] = await local.json({
			resource: 'taobaoCart',
			operation: 'preview',
			ids: String(lines[0].id),
			orderAddress: { value: RECEIVER },
		});
		expect(preview.productFee).toBe(18600);
		const [created] = await local.json({
			resource: 'taobaoCart',
			operation: 'createOrder',
			ids: String(lines[0].id),
			orderAddressMode: 'json',
			orderAddressJson: JSON.stringify(RECEIVER),
		});
		expect(created.totalFee).toBe(18600);
		await local.json({
			resource: 'taobaoCart',
			operation: 'delete',
			useUnverifiedEndpoint: true,
			cartIds: String(lines[1].id),
		});
		expect(await local.json({ resource: 'taobaoCart', operation: 'getAll' })).toEqual([]);
	});

	it.each<[string, IDataObject, RegExp]>([
		[
			'Add: no mpSkuId',
			{ operation: 'add', mpId: 'mp1', mpSkuId: '={{ $json.missing }}', quantity: 1 },
			/^Item 1: Distribution SKU ID \(mpSkuId\) is required/,
		],
		[
			'Add: properties not a list',
			{
				operation: 'add',
				mpId: 'mp1',
				mpSkuId: 's',
				quantity: 1,
				additionalFields: { properties: '{}' },
			},
			/^Item 1: Properties \(properties\) must be a JSON array/,
		],
		[
			'Update: quantity 0',
			{ operation: 'updateQuantity', useUnverifiedEndpoint: true, id: '1', quantity: 0 },
			/^Item 1: Quantity \(quantity\) must be at least 1/,
		],
		[
			'Create Order: no cart ids',
			{
				operation: 'createOrder',
				ids: '={{ $json.missing }}',
				orderAddress: { value: RECEIVER },
			},
			/^Item 1: Cart IDs \(ids\) are required/,
		],
		[
			'Create Order: cart id with letters',
			{ operation: 'createOrder', ids: '75, x', orderAddress: { value: RECEIVER } },
			/^Item 1: Cart ID #2: Cart IDs \(ids\) must contain digits only/,
		],
		[
			'Preview: no recipient',
			{ operation: 'preview', ids: '1', orderAddress: { value: { ...RECEIVER, name: ' ' } } },
			/^Item 1: .*Recipient name \(name\) is required/,
		],
		[
			'Create Order: address JSON is a list',
			{ operation: 'createOrder', ids: '1', orderAddressMode: 'json', orderAddressJson: '[]' },
			/^Item 1: Address \(JSON\) must be a JSON object/,
		],
		[
			'Delete: id with letters',
			{ operation: 'delete', useUnverifiedEndpoint: true, cartIds: 'one' },
			/^Item 1: Cart ID #1: Cart IDs \(cartIds\) must contain digits only/,
		],
	])('%s is refused before sending', async (_name, parameters, message) => {
		await expectRefusedBeforeSending(local, { resource: 'taobaoCart', ...parameters }, message);
	});
});
