/**
 * The exact bodies the node sends for every operation whose request the public docs describe and the package
 * used to get wrong (the pages named in each test), as the local server received them; and the server refusing the old,
 * wrong bodies the way PandaPon does.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { computeSignature, createNonce } from '../../nodes/PandaPon/model/requestSignature';
import { parseJson } from '../../nodes/PandaPon/model/json';
import { useLocalServer } from '../support/localServer';
import {
	ADDRESS,
	numericLine,
	orderParams,
	otherSellerLine,
	sampleLine,
} from '../support/orderFixtures';
import { SAMPLE } from '../../packages/local-server/src/catalog';
import { ORDER_STATUS } from '../../packages/local-server/src/store';

const local = useLocalServer({ seedOrders: 50 });

/** The raw text of the last request to a path. */
function rawBody(path: string): string {
	const entry = [...local.server.log].reverse().find((e) => e.path === path);
	if (!entry) throw new Error(`no request to ${path}`);
	return entry.rawBody;
}

/** v2 FastAdress as the node writes it from the fixture (empty phone filled with the mobile). */
const ADDRESS_V2 =
	'{"fullName":"zhang","mobile":"18600888861","phone":"18600888861","postCode":"310024","provinceText":"浙江省","cityText":"杭州市","areaText":"西湖区","townText":"转塘","address":"转塘街道 1 号","districtCode":"330106"}';
/** The v1 address: the same without districtCode, which the v1 page does not list. */
const ADDRESS_V1 = ADDRESS_V2.replace(',"districtCode":"330106"', '');

beforeEach(() => {
	local.server.clearFaults();
	local.server.resetStats();
});

describe('1688 cargo lines carry the id the user has (doc-cnv2.pandapon.com/api-288855709, doc-env2.pandapon.com/api-289121035)', () => {
	it('Preview: a mapped ID goes out as offerMapId', async () => {
		await local.json(orderParams('preview', [sampleLine(1)]));
		expect(rawBody('/v2/alibaba/order/create/preview')).toBe(
			`{"addressParam":${ADDRESS_V2},"cargoParamList":[{"offerMapId":"${SAMPLE.offerMapId}","specId":"${SAMPLE.specId}","quantity":1,"sellerOpenId":"${SAMPLE.sellerOpenId}"}]}`,
		);
	});

	it('Preview: a numeric 1688 offer ID goes out as offerId, a bare JSON integer', async () => {
		await local.json(orderParams('preview', [numericLine(1)]));
		expect(rawBody('/v2/alibaba/order/create/preview')).toBe(
			`{"addressParam":${ADDRESS_V2},"cargoParamList":[{"offerId":${SAMPLE.offerId},"specId":"${SAMPLE.specId}","quantity":1,"sellerOpenId":"${SAMPLE.sellerOpenId}"}]}`,
		);
	});

	it('Cargo JSON mapped from an order list row (offerId holding the mapped ID) is sent as offerMapId', async () => {
		const row = {
			offerId: SAMPLE.offerMapId,
			specId: SAMPLE.specId,
			quantity: 1,
			sellerOpenId: SAMPLE.sellerOpenId,
			productNo: 'P-1',
		};
		await local.json({
			...orderParams('preview', []),
			cargoMode: 'json',
			cargoJson: JSON.stringify([row]),
		});
		expect(rawBody('/v2/alibaba/order/create/preview')).toContain(
			`[{"offerMapId":"${SAMPLE.offerMapId}","specId":"${SAMPLE.specId}","quantity":1,"sellerOpenId":"${SAMPLE.sellerOpenId}","productNo":"P-1"}]`,
		);
	});

	it('a line that names two different products is refused before sending', async () => {
		const result = await local.run({
			...orderParams('preview', []),
			cargoMode: 'json',
			cargoJson: JSON.stringify([{ offerMapId: SAMPLE.offerMapId, offerId: '1', quantity: 1 }]),
		});
		expect(result.error?.message).toMatch(/^Item 1: Cargo line #1: it names two products/);
		expect(local.server.count()).toBe(0);
	});
});

describe('1688 Preview for Several Sellers (v1 page doc-en api-263477644)', () => {
	it('sends the documented v1 lines {offerId integer, specId, quantity, sellerOpenId} and the v1 address', async () => {
		const other = otherSellerLine(local.server.store.catalog, 2, true);
		const out = await local.json(
			orderParams('previewBatch', [{ ...numericLine(1), productNo: 'mine' }, other]),
		);
		expect(out).toHaveLength(2);
		expect(rawBody('/alibaba/order/create/previewbatch')).toBe(
			`{"addressParam":${ADDRESS_V1},"cargoParamList":[{"offerId":${SAMPLE.offerId},"specId":"${SAMPLE.specId}","quantity":1,"sellerOpenId":"${SAMPLE.sellerOpenId}"},{"offerId":${String(other.offerMapId)},"specId":"${String(other.specId)}","quantity":2,"sellerOpenId":"${String(other.sellerOpenId)}"}]}`,
		);
	});

	it('given a mapped ID it stops before sending and says which ID it needs and where to find it', async () => {
		const result = await local.run(orderParams('previewBatch', [numericLine(1), sampleLine(1)]));
		expect(result.error?.message).toMatch(
			/^Item 1: Cargo line #2: Preview for Several Sellers needs the numeric 1688 offer ID \(offerId/,
		);
		expect(result.error?.message).toContain('detail.1688.com/offer/');
		expect(result.error?.message).toContain('Preview, which takes mapped IDs');
		expect(local.server.count()).toBe(0);
	});
});

describe('1688 Create (doc-cnv2.pandapon.com/api-288855706): the documented v2 batch create, for one seller or several', () => {
	it('Create sends one seller’s lines to /v2/alibaba/order/batch/create with only documented fields', async () => {
		const [created] = await local.json(
			orderParams('create', [sampleLine(1)], { additionalFields: { message: 'pack well' } }),
		);
		expect(created.orderId).toMatch(/^\d{19}$/);
		expect(local.server.count('POST /v2/alibaba/order/create')).toBe(0);
		expect(rawBody('/v2/alibaba/order/batch/create')).toBe(
			`{"flow":"general","message":"pack well","addressParam":${ADDRESS_V2},"platformOrder":0,"cargoParamList":[{"offerMapId":"${SAMPLE.offerMapId}","specId":"${SAMPLE.specId}","quantity":1,"sellerOpenId":"${SAMPLE.sellerOpenId}"}]}`,
		);
	});

	it('Create for Several Sellers mixes both id kinds, each line as given', async () => {
		const other = otherSellerLine(local.server.store.catalog, 1, true);
		const out = await local.json(orderParams('createBatch', [sampleLine(1), other]));
		expect(out).toHaveLength(2);
		expect(rawBody('/v2/alibaba/order/batch/create')).toContain(
			`"cargoParamList":[{"offerMapId":"${SAMPLE.offerMapId}","specId":"${SAMPLE.specId}","quantity":1,"sellerOpenId":"${SAMPLE.sellerOpenId}"},{"offerId":${String(other.offerMapId)},`,
		);
	});
});

describe('1688 Confirm Receipt (doc-en api-263477652)', () => {
	const shipped = () =>
		local.server.store.all().filter((o) => o.orderStatus === ORDER_STATUS.shipped);

	it('omits orderEntryIds when none are given (never [])', async () => {
		const order = shipped()[0];
		await local.json({ resource: 'order', operation: 'confirmReceipt', orderId: order.tbOrderId });
		expect(rawBody('/alibaba/order/receivegoods')).toBe(`{"orderId":${order.tbOrderId}}`);
	});

	it('sends the given sub-orders as bare 19-digit integers', async () => {
		const order = shipped()[1];
		const entry = order.items[0].subTbOrderId;
		await local.json({
			resource: 'order',
			operation: 'confirmReceipt',
			orderId: order.tbOrderId,
			orderEntryIds: entry,
		});
		expect(rawBody('/alibaba/order/receivegoods')).toBe(
			`{"orderId":${order.tbOrderId},"orderEntryIds":[${entry}]}`,
		);
	});
});

describe('1688 Get Many: userIdList holds 1688 user IDs', () => {
	it('sends the documented filters only', async () => {
		const sample = local.server.store.all()[3];
		await local.json({
			resource: 'order',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { userIds: sample.userId, tbOrderId: sample.tbOrderId },
		});
		expect(rawBody('/v2/alibaba/order/page')).toBe(
			`{"pageNum":1,"pageSize":5,"userIdList":["${sample.userId}"],"tbOrderId":"${sample.tbOrderId}"}`,
		);
	});
});

describe('1688 Refund Create (doc-cnv2 api-288876782): amounts are plain integers', () => {
	it('sends applyPayment/applyCarriage as typed, ids as bare integers', async () => {
		const order = local.server.store.all().find((o) => o.payStatus === 2)!;
		await local.run({
			resource: 'refund',
			operation: 'create',
			orderId: order.tbOrderId,
			disputeRequest: 'refund',
			goodsStatus: 'refundWaitSellerSend',
			applyPayment: 1500,
			applyCarriage: 0,
			applyReasonId: 20006,
			description: 'wrong size',
		});
		expect(rawBody('/v2/alibaba/refund/detail/create')).toBe(
			`{"orderId":${order.tbOrderId},"disputeRequest":"refund","applyPayment":1500,"applyCarriage":0,"applyReasonId":20006,"description":"wrong size","goodsStatus":"refundWaitSellerSend"}`,
		);
	});
});

describe('Taobao Cart Create Order (doc.pandapon.com api-250313096)', () => {
	const address = {
		name: '张三',
		mobile_phone: '18600888861',
		phone: '',
		country: '中国',
		state: '浙江省',
		city: '杭州市',
		district: '余杭区',
		address: '仓前街道 1 号',
		zip: '311121',
	};
	const ADDRESS_JSON =
		'{"name":"张三","mobile_phone":"18600888861","country":"中国","state":"浙江省","city":"杭州市","district":"余杭区","address":"仓前街道 1 号","zip":"311121"}';

	async function twoCartLines(): Promise<string[]> {
		for (const mpId of ['mp672991141190', 'mp600126245031']) {
			await local.json({
				resource: 'taobaoCart',
				operation: 'add',
				mpId,
				mpSkuId: `s-${mpId}`,
				quantity: 1,
				additionalFields: { price: 100 },
			});
		}
		const lines = await local.json({ resource: 'taobaoCart', operation: 'getAll' });
		return lines.slice(-2).map((l) => String(l.id));
	}

	it('POSTs /open/cart/create/order with ids (integers), an orderAddress object from the fields and the credential’s userId', async () => {
		const [a, b] = await twoCartLines();
		const [created] = await local.json({
			resource: 'taobaoCart',
			operation: 'createOrder',
			ids: `${a}, ${b}`,
			orderAddress: { value: address },
		});
		expect(created.purchaseOrderId).toBeDefined();
		expect(rawBody('/open/cart/create/order')).toBe(
			`{"ids":[${a},${b}],"orderAddress":${ADDRESS_JSON},"userId":"${local.server.keys.userId}"}`,
		);
		expect(local.server.count('POST /v2/taobao/cart/create/order')).toBe(0);
	});

	it('takes the address as JSON (mapped input) and a User ID of its own', async () => {
		const [a] = await twoCartLines();
		await local.json(
			{
				resource: 'taobaoCart',
				operation: 'createOrder',
				ids: a,
				orderAddressMode: 'json',
				orderAddressJson: '={{ JSON.stringify($json.address) }}',
				additionalFields: { userId: '2100007340000' },
			},
			{ items: [{ address }] },
		);
		expect(rawBody('/open/cart/create/order')).toBe(
			`{"ids":[${a}],"orderAddress":${ADDRESS_JSON},"userId":"2100007340000"}`,
		);
	});

	it('has no sample address as a default (an unfilled address is refused before sending)', async () => {
		const result = await local.run({ resource: 'taobaoCart', operation: 'createOrder', ids: '1' });
		expect(result.error?.message).toMatch(/^Item 1: .*Recipient name \(name\) is required/);
		expect(local.server.count()).toBe(0);
	});
});

describe('Taobao Cart Add (doc-env2 api-289121002): the page’s JSON types', () => {
	it('sends shopId as an integer and priceRanges prices as numbers, with the optional user fields', async () => {
		await local.json({
			resource: 'taobaoCart',
			operation: 'add',
			mpId: '26',
			mpSkuId: '65',
			quantity: 2,
			additionalFields: {
				shopId: '42',
				priceRanges: '[{"startQuantity": 1, "price": 19.5}, {"startQuantity": 10, "price": 18}]',
				userId: '2100007340000',
				platform: 1,
				skuQuantity: '94',
				userNick: '介安琪',
			},
		});
		expect(rawBody('/v2/taobao/cart/add')).toBe(
			'{"mpId":"26","mpSkuId":"65","quantity":2,"shopId":42,"priceRanges":[{"startQuantity":1,"price":19.5},{"startQuantity":10,"price":18}],"userId":"2100007340000","platform":1,"skuQuantity":"94","userNick":"介安琪"}',
		);
	});
});

describe('Taobao After-Sale Post Message (doc-en api-263477624)', () => {
	it('sends refundImages as a string', async () => {
		await local.run({
			resource: 'taobaoRefund',
			operation: 'postMessage',
			refundId: '110002685755',
			refundMessage: 'photos',
			additionalFields: { refundImages: 'https://example.com/a.jpg' },
		});
		expect(rawBody('/open/order/refund/submit/message')).toBe(
			'{"refundId":"110002685755","refundMessage":"photos","refundImages":"https://example.com/a.jpg"}',
		);
		expect(local.server.log.at(-1)?.outcome).not.toBe('invalid');
	});
});

describe('Taobao Get Chat Link (doc-en api-263477616): the example’s form', () => {
	it('sends {sourceType: "item", bizId}', async () => {
		const [chat] = await local.json({
			resource: 'taobaoOrder',
			operation: 'getChatLink',
			bizId: '234576234',
		});
		expect(typeof chat.chatUrl).toBe('string');
		expect(rawBody('/open/order/page/link/get')).toBe('{"sourceType":"item","bizId":"234576234"}');
	});
});

describe('the local server refuses the old, wrong bodies as PandaPon would', () => {
	async function post(path: string, body: string) {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const nonce = createNonce();
		const { accessKey, accessSecret, userId } = local.server.keys;
		const response = await axios.post(`${local.server.url}${path}`, body, {
			headers: {
				'access-key': accessKey,
				timestamp,
				'nonce-str': nonce,
				'user-id': userId,
				signature: computeSignature(accessKey, timestamp, nonce, accessSecret),
				'Content-Type': 'application/json',
			},
			transformResponse: (t) => t,
			validateStatus: () => true,
		});
		return parseJson(response.data as string) as IDataObject;
	}
	const address = JSON.stringify({ ...ADDRESS, phone: ADDRESS.mobile });

	it.each([
		[
			'offerMapId lines on the v1 several-sellers preview',
			'/alibaba/order/create/previewbatch',
			`{"addressParam":${address.replace(',"districtCode":"330106"', '')},"cargoParamList":[{"offerMapId":"${SAMPLE.offerMapId}","specId":"${SAMPLE.specId}","quantity":1,"sellerOpenId":"${SAMPLE.sellerOpenId}"}]}`,
			/offerId: must be a JSON integer.*not a documented field: offerMapId|not a documented field: offerMapId/,
		],
		[
			'a quoted offerId',
			'/alibaba/order/create/previewbatch',
			`{"addressParam":${ADDRESS_V1},"cargoParamList":[{"offerId":"${SAMPLE.offerId}","specId":"${SAMPLE.specId}","quantity":1,"sellerOpenId":"${SAMPLE.sellerOpenId}"}]}`,
			/offerId: must be a JSON integer/,
		],
		[
			'a cargo line naming both ids',
			'/v2/alibaba/order/batch/create',
			`{"flow":"general","cargoParamList":[{"offerMapId":"${SAMPLE.offerMapId}","offerId":${SAMPLE.offerId},"quantity":1}]}`,
			/exactly one of offerMapId/,
		],
		[
			'the old Taobao cart order (cartIds, receiver as text, budget)',
			'/open/cart/create/order',
			'{"cartIds":["1"],"receiver":"{\\"name\\":\\"z\\"}","purchaseAmount":100}',
			/ids: Required|not a documented field: cartIds, receiver, purchaseAmount/,
		],
		[
			'Taobao cart ids as strings',
			'/open/cart/create/order',
			'{"ids":["75"],"orderAddress":{"name":"z"}}',
			/ids #1: must be a JSON integer/,
		],
		[
			'Taobao cart add with shopId as text',
			'/v2/taobao/cart/add',
			'{"mpId":"1","mpSkuId":"2","quantity":1,"shopId":"42"}',
			/shopId: must be a JSON integer/,
		],
		[
			'refundImages as a list',
			'/open/order/refund/submit/message',
			'{"refundId":"1","refundMessage":"m","refundImages":["https://a/b.jpg"]}',
			/refundImages: must be a JSON string/,
		],
		[
			'an empty orderEntryIds',
			'/alibaba/order/receivegoods',
			'{"orderId":2542285634920880794,"orderEntryIds":[]}',
			/orderEntryIds: must not be empty/,
		],
		[
			'a chat link about an order',
			'/open/order/page/link/get',
			'{"sourceType":"order","bizId":"1"}',
			/sourceType: must be "item"/,
		],
	])('%s', async (_name, path, body, message) => {
		const answer = await post(path, body);
		expect(answer.code).toBe(400);
		expect(String(answer.msg)).toMatch(/^参数错误 /);
		expect(String(answer.msg)).toMatch(message);
		expect(local.server.log.at(-1)?.outcome).toBe('invalid');
	});
});
