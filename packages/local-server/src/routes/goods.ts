/** 1688 goods and cart endpoints of the local server (pages: the endpoint table, model/endpoints.ts). */
import {
	cartAddSchema,
	cartCreateOrderSchema,
	cartDeleteSchema,
	cartEditQuantitySchema,
	cartPreviewSchema,
	productCategorySchema,
	productDetailSchema,
	productImageSearchSchema,
	productRecommendSchema,
	productRelatedSchema,
	productSearchSchema,
	productStoreSearchSchema,
} from '../../../../nodes/PandaPon/model/goods';
import { ENDPOINTS } from '../../../../nodes/PandaPon/model/endpoints';
import { validate, type RouteContext, type RouteHandler } from './route';
import type { Offer } from '../catalog';
import { BusinessError } from '../store';
import { orderDetailView } from '../views';
import { idText, stateOf } from './state';

const key = (name: keyof typeof ENDPOINTS) => `${ENDPOINTS[name].method} ${ENDPOINTS[name].path}`;

function searchItem(offer: Offer) {
	const cheapest = Math.min(...offer.specs.map((s) => s.priceFen));
	return {
		offerId: Number(offer.offerId), // a 12-digit number, as 1688 sends it
		offerMapId: offer.offerMapId,
		subject: offer.subject,
		subjectTrans: offer.subjectTrans,
		imageUrl: offer.imageUrl,
		price: (cheapest / 100).toFixed(2), // search prices are yuan text
		monthSold: offer.specs.reduce((s, spec) => s + (spec.stock % 997), 0),
		sellerOpenId: offer.sellerOpenId,
	};
}

/** The search paging wrapper: {totalRecords, totalPage, pageSize, currentPage, data}. */
function page(offers: Offer[], beginPage: number, pageSize: number) {
	const start = (beginPage - 1) * pageSize;
	return {
		totalRecords: offers.length,
		totalPage: Math.ceil(offers.length / pageSize),
		pageSize,
		currentPage: beginPage,
		data: offers.slice(start, start + pageSize).map(searchItem),
	};
}

function priceFilter(q: { priceStart?: string; priceEnd?: string }) {
	const min = q.priceStart ? Math.round(Number(q.priceStart) * 100) : -Infinity;
	const max = q.priceEnd ? Math.round(Number(q.priceEnd) * 100) : Infinity;
	return (offer: Offer) => offer.specs.some((s) => s.priceFen >= min && s.priceFen <= max);
}

function sorted(offers: Offer[], sort?: string) {
	if (!sort) return offers;
	let order: Record<string, string>;
	try {
		order = JSON.parse(sort) as Record<string, string>;
	} catch {
		throw new BusinessError(
			'sort 格式错误 (sort must be a JSON text such as {"price":"desc"})',
			400,
		);
	}
	if (!order.price) return offers;
	const price = (o: Offer) => Math.min(...o.specs.map((s) => s.priceFen));
	return [...offers].sort((a, b) =>
		order.price === 'desc' ? price(b) - price(a) : price(a) - price(b),
	);
}

function keywordSearch({ body, store }: RouteContext) {
	const q = validate(productSearchSchema, body);
	const words = q.keyword.toLowerCase();
	const hits = store.catalog.offers.filter(
		(o) =>
			(o.subject.toLowerCase().includes(words) || o.subjectTrans.toLowerCase().includes(words)) &&
			(!q.categoryId || o.categoryId === q.categoryId) &&
			priceFilter(q)(o),
	);
	return page(sorted(hits, q.sort), q.beginPage, q.pageSize);
}

function imageSearch({ body, store }: RouteContext) {
	const q = validate(productImageSearchSchema, body);
	const bytes = Buffer.from(q.imageBase64, 'base64');
	if (bytes.length < 8) throw new BusinessError('图片无法识别 (the image could not be read)', 400);
	// "Similar" offers: a stable pick from the image bytes, so a given image always finds the same goods.
	const start = bytes.reduce((sum, b) => (sum + b) % store.catalog.offers.length, 0);
	const ring = [...store.catalog.offers.slice(start), ...store.catalog.offers.slice(0, start)];
	return page(sorted(ring.filter(priceFilter(q)).slice(0, 30), q.sort), q.beginPage, q.pageSize);
}

function storeSearch({ body, store }: RouteContext) {
	const q = validate(productStoreSearchSchema, body);
	if (!store.catalog.seller(q.sellerOpenId))
		throw new BusinessError(`卖家不存在 (no seller ${q.sellerOpenId})`);
	const words = (q.keyword ?? '').toLowerCase();
	const hits = store.catalog.offers.filter(
		(o) =>
			o.sellerOpenId === q.sellerOpenId &&
			(!words ||
				o.subject.toLowerCase().includes(words) ||
				o.subjectTrans.toLowerCase().includes(words)),
	);
	return page(sorted(hits.filter(priceFilter(q)), q.sort), q.beginPage, q.pageSize);
}

function detail({ body, store }: RouteContext) {
	const q = validate(productDetailSchema, body);
	const offer = store.catalog.offer(idText(q.offerId));
	if (!offer) throw new BusinessError(`商品不存在 (no offer ${idText(q.offerId)})`);
	return {
		offerId: Number(offer.offerId),
		categoryId: Number(offer.categoryId),
		categoryName: offer.categoryName,
		subject: offer.subject,
		subjectTrans: q.country === 'zh' ? offer.subject : offer.subjectTrans,
		description: `<p>${offer.subject}</p>`,
		mainVideo: null,
		productImage: { images: [offer.imageUrl] },
		productSkuInfos: offer.specs.map((s) => ({
			specId: s.specId,
			skuId: Number(s.skuId),
			price: (s.priceFen / 100).toFixed(2),
			amountOnSale: s.stock,
			skuAttributes: s.attributes.map((a) => ({ attributeName: a.name, value: a.value })),
		})),
		sellerOpenId: offer.sellerOpenId,
		offerMapId: offer.offerMapId,
	};
}

function related({ body, store }: RouteContext) {
	const q = validate(productRelatedSchema, body);
	const offer = store.catalog.offer(q.offerId);
	if (!offer) throw new BusinessError(`商品不存在 (no offer ${q.offerId})`);
	const same = store.catalog.offers.filter((o) => o.categoryId === offer.categoryId && o !== offer);
	return page(same, q.pageNo, q.pageSize).data;
}

function recommend({ body, store }: RouteContext) {
	const q = validate(productRecommendSchema, body);
	return page(store.catalog.offers.slice(0, 40), q.pageNo, q.pageSize);
}

function category({ body, store }: RouteContext) {
	const q = validate(productCategorySchema, body);
	const offer = store.catalog.offers.find((o) => o.categoryId === q.categoryId);
	if (!offer) throw new BusinessError(`类目不存在 (no category ${q.categoryId})`);
	return {
		categoryId: q.categoryId,
		chineseName: offer.subject.split(' ')[0],
		translatedName: offer.categoryName,
		language: q.language,
	};
}

function cartView(store: RouteContext['store']) {
	const { cart } = stateOf(store);
	const shops = new Map<
		string,
		{ sellerOpenId: string; sellerNickName: string; cartItemInfos: unknown[] }
	>();
	const disabled = new Map<
		string,
		{ sellerOpenId: string; sellerNickName: string; cartItemInfos: unknown[] }
	>();
	for (const line of cart) {
		const offer = store.catalog.offer(line.offerMapId)!;
		const spec = offer.specs.find((s) => s.specId === line.specId) ?? offer.specs[0];
		const target = spec.stock > 0 ? shops : disabled;
		const shop = target.get(line.sellerOpenId) ?? {
			sellerOpenId: line.sellerOpenId,
			sellerNickName: offer.sellerLoginId,
			cartItemInfos: [],
		};
		target.set(line.sellerOpenId, shop);
		shop.cartItemInfos.push({
			id: line.id,
			offerMapId: line.offerMapId,
			specId: spec.specId,
			skuId: spec.skuId,
			itemTitle: offer.subject,
			itemPic: offer.imageUrl,
			price: spec.priceFen / 100,
			quantity: line.quantity,
			amountOnSale: spec.stock,
			properties: JSON.stringify(spec.attributes),
		});
	}
	return { enableList: [...shops.values()], disableList: [...disabled.values()] };
}

function cartAdd({ body, store }: RouteContext) {
	const q = validate(cartAddSchema, body);
	const state = stateOf(store);
	const { offer, spec } = store.resolve({
		offerMapId: q.offerMapId,
		specId: q.specId,
		quantity: q.quantity,
		sellerOpenId: q.sellerOpenId,
	});
	if (offer.sellerOpenId !== q.sellerOpenId)
		throw new BusinessError('卖家与商品不符 (the offer belongs to another seller)');
	const existing = state.cart.find(
		(l) => l.offerMapId === offer.offerMapId && l.specId === spec.specId,
	);
	if (existing) existing.quantity += q.quantity;
	else
		state.cart.push({
			id: state.nextCartId++,
			offerMapId: offer.offerMapId,
			specId: spec.specId,
			quantity: q.quantity,
			sellerOpenId: offer.sellerOpenId,
			productNo: '',
			container: '',
		});
	return (existing ?? state.cart[state.cart.length - 1]).id;
}

function linesOf(store: RouteContext['store'], ids: unknown[]) {
	const state = stateOf(store);
	return ids.map((id) => {
		const line = state.cart.find((l) => String(l.id) === idText(id));
		if (!line) throw new BusinessError(`购物车商品不存在 (no cart line ${idText(id)})`);
		return line;
	});
}

function cartDelete({ body, store }: RouteContext) {
	const q = validate(cartDeleteSchema, body);
	const lines = linesOf(store, q.cartIds);
	const state = stateOf(store);
	state.cart = state.cart.filter((l) => !lines.includes(l));
	return true;
}

function cartEdit({ body, store }: RouteContext) {
	const q = validate(cartEditQuantitySchema, body);
	const [line] = linesOf(store, [q.id]);
	line.quantity = q.quantity;
	if (q.productNo) line.productNo = q.productNo;
	if (q.container) line.container = q.container;
	return true;
}

const cargoOf = (lines: ReturnType<typeof linesOf>) =>
	lines.map((l) => ({
		offerMapId: l.offerMapId,
		specId: l.specId,
		quantity: l.quantity,
		sellerOpenId: l.sellerOpenId,
		productNo: l.productNo || undefined,
		container: l.container || undefined,
	}));

function cartPreview({ body, store }: RouteContext) {
	const q = validate(cartPreviewSchema, body);
	return store
		.groupBySeller(cargoOf(linesOf(store, q.cartIds)))
		.map((lines) => ({ sellerOpenId: lines[0].sellerOpenId, ...store.preview(lines) }));
}

function cartCreate({ body, store }: RouteContext) {
	const q = validate(cartCreateOrderSchema, body);
	const lines = linesOf(store, q.cartIds);
	const groups = store.groupBySeller(cargoOf(lines));
	for (const group of groups) {
		const check = store.preview(group);
		if (!check.success) throw new BusinessError(check.errorMsg ?? 'preview failed');
	}
	const orders = groups.map((cargo) =>
		store.create({
			flow: q.flow,
			address: q.addressParam,
			cargo,
			userId: q.userId,
			staffName: q.staffName,
			message: q.message,
			tradeType: q.tradeType,
			shopPromotionId: q.shopPromotionId,
		}),
	);
	const state = stateOf(store);
	state.cart = state.cart.filter((l) => !lines.includes(l));
	return orders.map(orderDetailView);
}

export const goodsRoutes: Record<string, RouteHandler> = {
	[key('productDetail')]: detail,
	[key('productSearch')]: keywordSearch,
	[key('productImageSearch')]: imageSearch,
	[key('productStoreSearch')]: storeSearch,
	[key('productCategory')]: category,
	[key('productRecommend')]: recommend,
	[key('productRelated')]: related,
	[key('productGlobalSelection')]: keywordSearch,
	[key('productStrictSelection')]: keywordSearch,
	[key('productHotList')]: recommend,
	[key('cartList')]: ({ store }) => cartView(store),
	[key('cartAdd')]: cartAdd,
	[key('cartDelete')]: cartDelete,
	[key('cartEditQuantity')]: cartEdit,
	[key('cartPreview')]: cartPreview,
	[key('cartCreateOrder')]: cartCreate,
};
