/** 1688 Product: every operation through n8n's engine against the local server. */
import { useLocalServer } from '../../support/localServer';
import { SAMPLE } from '../../../packages/local-server/src/catalog';
import {
	expectRefusedBeforeSending,
	imageItem,
	lastBody,
	lastRequest,
	PNG_BYTES,
} from '../../support/helpers';

describe('1688 Product', () => {
	const local = useLocalServer({ seedOrders: 10 });

	it('Get returns the offer with its translated title, sending offerId as a bare integer', async () => {
		const [product] = await local.json({
			resource: 'product',
			operation: 'get',
			offerId: SAMPLE.offerId,
			country: 'en',
		});
		expect(product.subjectTrans).toMatch(/Spring 2024 new handbag/);
		expect(lastRequest(local, '/alibaba/product/detail/get').rawBody).toContain(
			`"offerId":${SAMPLE.offerId}`,
		);
	});

	it('Get refuses an offer id with letters before sending', async () => {
		await expectRefusedBeforeSending(
			local,
			{ resource: 'product', operation: 'get', offerId: 'L0PTnw' },
			/^Item 1: Offer ID \(offerId\) must contain digits only/,
		);
	});

	it('Search by Keyword: Return All walks every page of beginPage', async () => {
		const all = await local.json({
			resource: 'product',
			operation: 'search',
			keyword: 'handbag',
			returnAll: true,
			options: { pageSize: 3 },
		});
		const expected = local.server.store.catalog.offers.filter((o) =>
			/handbag/i.test(o.subjectTrans),
		);
		expect(all.map((p) => p.offerMapId).sort()).toEqual(expected.map((o) => o.offerMapId).sort());
		const pages = local.server.log
			.filter((e) => e.path === '/v2/alibaba/product/keywords/query')
			.map((e) => JSON.parse(e.rawBody).beginPage);
		expect(pages).toEqual(Array.from({ length: Math.ceil(expected.length / 3) }, (_, i) => i + 1));
	});

	it('Search by Keyword: limit, price range and sort are sent as PandaPon spells them', async () => {
		const rows = await local.json({
			resource: 'product',
			operation: 'search',
			keyword: 'T-shirt',
			limit: 2,
			additionalFields: { priceStart: '10', priceEnd: '500', sort: '{"price":"desc"}' },
		});
		expect(rows.length).toBeLessThanOrEqual(2);
		const body = lastBody(local, '/v2/alibaba/product/keywords/query');
		expect(body).toMatchObject({
			keyword: 'T-shirt',
			beginPage: 1,
			pageSize: 2,
			priceStart: '10',
			priceEnd: '500',
			sort: '{"price":"desc"}',
			country: 'en',
		});
	});

	it('Search by Keyword refuses an empty keyword and a page size over 50', async () => {
		await expectRefusedBeforeSending(
			local,
			{ resource: 'product', operation: 'search', keyword: ' ', limit: 5 },
			/^Item 1: Keyword \(keyword\) is required/,
		);
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'product',
				operation: 'search',
				keyword: 'x',
				returnAll: true,
				options: { pageSize: 80 },
			},
			/^Item 1: Page Size must be a whole number from 1 to 50/,
		);
	});

	it('Search by Image sends the binary image as base64', async () => {
		const rows = await local.json(
			{
				resource: 'product',
				operation: 'searchByImage',
				imageSource: 'binary',
				binaryPropertyName: 'data',
				limit: 5,
			},
			{ items: [imageItem()] },
		);
		expect(rows).toHaveLength(5);
		expect(
			Buffer.from(
				String(lastBody(local, '/v2/alibaba/product/image/query').imageBase64),
				'base64',
			).equals(PNG_BYTES),
		).toBe(true);
	});

	it('Search by Image names the missing binary property and sends nothing', async () => {
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'product',
				operation: 'searchByImage',
				imageSource: 'binary',
				binaryPropertyName: 'photo',
				limit: 5,
			},
			/^Item 1: Image: the input item has no binary property "photo"/,
			[imageItem()],
		);
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'product',
				operation: 'searchByImage',
				imageSource: 'url',
				imageUrl: 'ftp://x/y.png',
				limit: 5,
			},
			/^Item 1: Image URL "ftp:\/\/x\/y.png" must be an http\(s\) address/,
		);
	});

	it('Search by Image from a URL downloads the image and sends it with its address', async () => {
		const url = `${local.server.url}/__admin/health`; // any http file: the server's health JSON stands in for an image
		const rows = await local.json({
			resource: 'product',
			operation: 'searchByImage',
			imageSource: 'url',
			imageUrl: url,
			limit: 2,
		});
		expect(rows).toHaveLength(2);
		const body = lastBody(local, '/v2/alibaba/product/image/query');
		expect(body.imageAddress).toBe(url);
		expect(Buffer.from(String(body.imageBase64), 'base64').toString()).toMatch(/"ok":true/);
	});

	it('Search Seller’s Store lists only that seller’s goods', async () => {
		const rows = await local.json({
			resource: 'product',
			operation: 'searchStore',
			sellerOpenId: SAMPLE.sellerOpenId,
			returnAll: true,
		});
		expect(rows.length).toBe(
			local.server.store.catalog.offers.filter((o) => o.sellerOpenId === SAMPLE.sellerOpenId)
				.length,
		);
		expect(new Set(rows.map((r) => r.sellerOpenId))).toEqual(new Set([SAMPLE.sellerOpenId]));
		await expectRefusedBeforeSending(
			local,
			{
				resource: 'product',
				operation: 'searchStore',
				sellerOpenId: '={{ $json.missing }}',
				limit: 1,
			},
			/^Item 1: Seller open ID \(sellerOpenId\) is required/,
		);
	});

	it('Get Related pages over pageNo with the mapped offer id', async () => {
		const rows = await local.json({
			resource: 'product',
			operation: 'getRelated',
			offerId: SAMPLE.offerMapId,
			returnAll: true,
			options: { pageSize: 2 },
		});
		const offer = local.server.store.catalog.offer(SAMPLE.offerMapId)!;
		expect(rows).toHaveLength(
			local.server.store.catalog.offers.filter((o) => o.categoryId === offer.categoryId).length - 1,
		);
		expect(lastBody(local, '/v2/alibaba/product/productRelatedRecommendQuery')).toMatchObject({
			offerId: SAMPLE.offerMapId,
			language: 'en',
		});
		await expectRefusedBeforeSending(
			local,
			{ resource: 'product', operation: 'getRelated', offerId: '={{ $json.missing }}', limit: 1 },
			/^Item 1: Offer ID \(offerId\) is required/,
		);
	});

	it('Get Category (inferred path) names the category in the language', async () => {
		const [category] = await local.json({
			resource: 'product',
			operation: 'getCategory',
			categoryId: '1038378',
			language: 'en',
		});
		expect(category.translatedName).toBe('Handbags');
		await expectRefusedBeforeSending(
			local,
			{ resource: 'product', operation: 'getCategory', categoryId: 'bags' },
			/Category ID \(categoryId\) must contain digits only/,
		);
	});

	it.each([
		['getRecommendations', '/v2/alibaba/product/recommend/query'],
		['getHotList', '/v2/alibaba/product/hot/list'],
	])('%s (inferred) returns a limited list over pageNo', async (operation, path) => {
		const rows = await local.json({ resource: 'product', operation, limit: 7 });
		expect(rows).toHaveLength(7);
		expect(lastBody(local, path)).toMatchObject({ pageNo: 1, pageSize: 7, language: 'en' });
		await expectRefusedBeforeSending(
			local,
			{ resource: 'product', operation, limit: 0 },
			/^Item 1: Limit must be a whole number of at least 1/,
		);
	});

	it.each([
		['searchGlobalSelection', '/v2/alibaba/product/global/strict/keywords/query'],
		['searchStrictSelection', '/v2/alibaba/product/strict/keywords/query'],
	])('%s (inferred) takes the keyword search body', async (operation, path) => {
		const rows = await local.json({ resource: 'product', operation, keyword: 'cup', limit: 3 });
		expect(rows.length).toBeGreaterThan(0);
		expect(lastBody(local, path)).toMatchObject({ keyword: 'cup', beginPage: 1 });
		await expectRefusedBeforeSending(
			local,
			{ resource: 'product', operation, keyword: '={{ $json.missing }}', limit: 3 },
			/^Item 1: Keyword \(keyword\) is required/,
		);
	});
});
