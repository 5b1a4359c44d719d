/**
 * Bad input fails before anything is sent: each case names the item and the field, and the local server
 * receives no request at all.
 */
import type { IDataObject } from 'n8n-workflow';

import { useLocalServer } from '../../support/localServer';
import { ADDRESS, orderParams, sampleLine } from '../../support/orderFixtures';

// Typed empty, n8n itself marks a required address field; mapped to an empty value, it reaches the node's check.
const noAddress = (field: string) => ({ ...ADDRESS, [field]: '={{ "" }}' });
const line = (patch: IDataObject) => ({ ...sampleLine(), ...patch });
const json = (value: unknown) => JSON.stringify(value);

const cases: Array<[string, IDataObject, RegExp]> = [
	[
		'Get: order id with letters',
		{ resource: 'order', operation: 'get', orderId: '25422856349208807a4' },
		/^Item 1: Order ID \(orderId\) must contain digits only/,
	],
	[
		'Get: order id mapped to an empty value',
		{ resource: 'order', operation: 'get', orderId: '={{ $json.missing }}' },
		/^Item 1: Order ID \(orderId\) is required/,
	],
	[
		'Get Many: limit 0',
		{ resource: 'order', operation: 'getAll', returnAll: false, limit: 0 },
		/^Item 1: Limit must be a whole number of at least 1/,
	],
	[
		'Get Many: a bad date',
		{
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { createdAfter: 'yesterday-ish' },
		},
		/^Item 1: Created After "yesterday-ish" is not a date/,
	],
	[
		'Get Many: 1688 order id with a dash',
		{
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { tbOrderId: '2542-2856' },
		},
		/^Item 1: 1688 Order ID "2542-2856" must contain digits only/,
	],
	[
		'Get Many: page size over 200',
		{ resource: 'order', operation: 'getAll', returnAll: true, options: { pageSize: 500 } },
		/^Item 1: pageSize: Number must be less than or equal to 200/,
	],
	[
		'Preview: no recipient name',
		orderParams('preview', [sampleLine()], { address: { value: noAddress('fullName') } }),
		/^Item 1: Address: Recipient name \(fullName\) is required/,
	],
	[
		'Preview: no mobile',
		orderParams('preview', [sampleLine()], { address: { value: noAddress('mobile') } }),
		/^Item 1: Address: Mobile \(mobile\) is required/,
	],
	[
		'Preview: no province',
		orderParams('preview', [sampleLine()], { address: { value: noAddress('provinceText') } }),
		/^Item 1: Address: Province \(provinceText\) is required/,
	],
	[
		'Preview: no city',
		orderParams('preview', [sampleLine()], { address: { value: noAddress('cityText') } }),
		/^Item 1: Address: City \(cityText\) is required/,
	],
	[
		'Preview: no town',
		orderParams('preview', [sampleLine()], { address: { value: noAddress('townText') } }),
		/^Item 1: Address: Town \(townText\) is required/,
	],
	[
		'Preview: no street',
		orderParams('preview', [sampleLine()], { address: { value: noAddress('address') } }),
		/^Item 1: Address: Street address \(address\) is required/,
	],
	[
		'Preview: 5-digit district code',
		orderParams('preview', [sampleLine()], {
			address: { value: { ...ADDRESS, districtCode: '33010' } },
		}),
		/District code \(districtCode\) must be 6 digits/,
	],
	[
		'Preview: no cargo lines',
		orderParams('preview', []),
		/^Item 1: Cargo lines \(cargoParamList\) must have at least one line/,
	],
	[
		'Preview: quantity 0',
		orderParams('preview', [line({ quantity: 0 })]),
		/^Item 1: Cargo line #1: Quantity \(quantity\) must be greater than 0/,
	],
	[
		'Preview: negative quantity',
		orderParams('preview', [sampleLine(), line({ quantity: -2 })]),
		/^Item 1: Cargo line #2: Quantity \(quantity\) must be greater than 0/,
	],
	[
		'Preview: fractional quantity',
		orderParams('preview', [line({ quantity: 1.5 })]),
		/Cargo line #1: Quantity \(quantity\) must be a whole number/,
	],
	[
		'Preview: no offer id (mapped to an empty value)',
		orderParams('preview', [line({ offerMapId: '={{ "" }}' })]),
		/^Item 1: Cargo line #1: Offer ID is required/,
	],
	[
		'Preview: spec id not 32 hex',
		orderParams('preview', [line({ specId: 'red-XL' })]),
		/Cargo line #1: Spec ID \(specId\) must be the 32-character hex SKU spec id/,
	],
	[
		'Preview: two sellers',
		orderParams('preview', [sampleLine(), line({ sellerOpenId: 'BBBotherSeller000000000000' })]),
		/^Item 1: Cargo lines name 2 different sellers .* Use "Preview for Several Sellers" instead/,
	],
	[
		'Preview: cargo JSON not JSON',
		{ ...orderParams('preview', []), cargoMode: 'json', cargoJson: '[{"offerMapId": ' },
		/^Item 1: Cargo Lines \(JSON\) is not valid JSON/,
	],
	[
		'Preview: cargo JSON quantity as words',
		{
			...orderParams('preview', []),
			cargoMode: 'json',
			cargoJson: json([line({ quantity: 'three' })]),
		},
		/Cargo line #1: Quantity \(quantity\) must be a number/,
	],
	[
		'Preview: address JSON is an array',
		{ ...orderParams('preview', [sampleLine()]), addressMode: 'json', addressJson: '[]' },
		/^Item 1: Address \(JSON\) must be a JSON object/,
	],
	// Mapped as an expression, an empty seller reaches the node's own check (typed empty, n8n marks it required).
	[
		'Batch preview: line without seller',
		orderParams('previewBatch', [line({ offerMapId: '743470146022', sellerOpenId: '={{ "" }}' })]),
		/^Item 1: Cargo line #1: Seller open ID \(sellerOpenId\) is required/,
	],
	[
		'Preview: cargo JSON with misspelt keys',
		{
			...orderParams('preview', []),
			cargoMode: 'json',
			cargoJson: json([
				{ offer_id: '743470146022', qty: 2, quantity: 1, offerMapId: 'L0PTnwSnx_dWNZWCtgK7Gg' },
			]),
		},
		/^Item 1: Cargo Lines \(JSON\), line 1, has keys PandaPon does not know: offer_id, qty\. Expected keys: offerMapId, offerId, specId, quantity, sellerOpenId, productNo, container/,
	],
	[
		'Preview: address JSON with a misspelt key',
		{
			...orderParams('preview', [sampleLine()]),
			addressMode: 'json',
			addressJson: json({ ...ADDRESS, town: '转塘' }),
		},
		/^Item 1: Address \(JSON\) has keys PandaPon does not know: town\. Expected keys: fullName, mobile, phone, postCode, provinceText, cityText, areaText, townText, address, districtCode/,
	],
	[
		'Create: two sellers',
		orderParams('create', [sampleLine(), line({ sellerOpenId: 'BBBotherSeller000000000000' })]),
		/Use "Create for Several Sellers" instead/,
	],
	[
		'Create: no flow',
		orderParams('create', [sampleLine()], { flow: '' }),
		/^Item 1: Order flow \(flow\) is required/,
	],
	[
		'Batch create: quantity 0',
		orderParams('createBatch', [line({ quantity: 0 })]),
		/^Item 1: Cargo line #1: Quantity \(quantity\) must be greater than 0/,
	],
	[
		'Pay: no order ids',
		{ resource: 'order', operation: 'pay', orderIds: ' , ' },
		/^Item 1: Order IDs \(orderIds\) must name at least one order/,
	],
	[
		'Pay: one id not digits',
		{ resource: 'order', operation: 'pay', orderIds: '2542285634920880794, 25422856349208807OO' },
		/^Item 1: Order ID #2: Order ID must contain digits only/,
	],
	[
		'Cancel: no reason',
		{ resource: 'order', operation: 'cancel', orderId: '2542285634920880794', cancelReason: ' ' },
		/^Item 1: Cancel reason \(cancelReason\) is required/,
	],
	[
		'Cancel: id in scientific notation',
		{
			resource: 'order',
			operation: 'cancel',
			orderId: '2.5422856349208808e+18',
			cancelReason: 'x',
		},
		/^Item 1: Order ID \(orderId\) must contain digits only/,
	],
	[
		'Confirm: sub-order id not digits',
		{
			resource: 'order',
			operation: 'confirmReceipt',
			orderId: '2542285634920880794',
			orderEntryIds: '2542285634920880794, abc',
		},
		/^Item 1: Sub-order ID #2: Sub-order ID \(orderEntryIds\) must contain digits only/,
	],
	[
		'Payment URL: id mapped to blanks',
		{ resource: 'order', operation: 'getPaymentUrl', orderId: '={{ "  " }}' },
		/^Item 1: Order ID \(orderId\) is required/,
	],
	[
		'Decrypt: seller id mapped to an empty value',
		{ resource: 'order', operation: 'decryptWangwang', offerId: '1', openUid: '={{ "" }}' },
		/^Item 1: Seller open ID \(openUid\) is required/,
	],
];

describe('bad input is refused before anything is sent', () => {
	const local = useLocalServer();

	beforeEach(() => local.server.resetStats());

	it(`covers at least 30 cases`, () => {
		expect(cases.length).toBeGreaterThanOrEqual(30);
	});

	it.each(cases)('%s', async (_name, parameters, message) => {
		const orders = local.server.store.size;
		const result = await local.run(parameters);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toContain('Nothing was sent to PandaPon');
		expect(local.server.count()).toBe(0);
		expect(local.server.store.size).toBe(orders);
	});

	it('a required field left empty in the editor is marked by n8n, which refuses the run before any node runs', async () => {
		const labels = {
			fullName: 'Recipient Name',
			mobile: 'Mobile',
			provinceText: 'Province',
			cityText: 'City',
			townText: 'Town',
			address: 'Street Address',
		};
		for (const [field, label] of Object.entries(labels)) {
			const result = await local.run(
				orderParams('preview', [sampleLine()], { address: { value: { ...ADDRESS, [field]: '' } } }),
			);
			expect(result.error?.message).toContain(`Parameter "${label}" is required`);
		}
		expect(local.server.count()).toBe(0);
	});

	describe('a write of several items checks every item before the first is sent', () => {
		const unpaid = () =>
			local.server.store
				.all()
				.filter((o) => o.orderStatus === 1)
				.map((o) => o.tbOrderId);

		it('Cancel: an order ID with letters in item 2 sends nothing, item 1 included', async () => {
			const [first] = unpaid();
			const result = await local.run(
				{
					resource: 'order',
					operation: 'cancel',
					orderId: '={{ $json.id }}',
					cancelReason: 'buyerCancel',
				},
				{ items: [{ id: first }, { id: '12x' }] },
			);
			expect(result.error?.message).toMatch(
				/^Item 2: Order ID \(orderId\) must contain digits only.* Nothing was sent for any of the 2 items/,
			);
			expect(local.server.count()).toBe(0);
			expect(local.server.store.get(first)!.orderStatus).toBe(1); // still unpaid, not cancelled
		});

		it('Create: an address without a mobile in item 3 of 3 orders nothing', async () => {
			const orders = local.server.store.size;
			const result = await local.run(
				orderParams('create', [sampleLine(1)], {
					address: { value: { ...ADDRESS, mobile: '={{ $json.mobile }}' } },
				}),
				{ items: [{ mobile: '18600888861' }, { mobile: '18600888862' }, { mobile: '' }] },
			);
			expect(result.error?.message).toMatch(
				/^Item 3: Address: Mobile \(mobile\) is required.* Nothing was sent for any of the 3 items/,
			);
			expect(local.server.count()).toBe(0);
			expect(local.server.store.size).toBe(orders);
		});

		it('Pay: a bad order ID in item 2 pays nothing; good items alone are paid as before', async () => {
			const [a, b] = unpaid();
			const refused = await local.run(
				{ resource: 'order', operation: 'pay', orderIds: '={{ $json.id }}' },
				{ items: [{ id: a }, { id: 'abc' }] },
			);
			expect(refused.error?.message).toMatch(
				/^Item 2: .*must contain digits only.* Nothing was sent for any of the 2 items/,
			);
			expect(local.server.count()).toBe(0);
			const paid = await local.json(
				{ resource: 'order', operation: 'pay', orderIds: '={{ $json.id }}' },
				{ items: [{ id: a }, { id: b }] },
			);
			expect(paid.map((item) => item.orderIds)).toEqual([[a], [b]]);
			expect(local.server.count()).toBe(2);
		});
	});
});
