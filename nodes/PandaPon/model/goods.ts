/**
 * Request bodies of the 1688 goods and cart endpoints (pages: the endpoint table, model/endpoints.ts), shared by the node and the local server.
 * Bodies marked inferred are guesses kept here so one edit corrects node and server together.
 */
import { z } from 'zod';

import { addressSchema } from './order';
import {
	base64File,
	digitId,
	idArray,
	int,
	integerId,
	language,
	optionalText,
	text,
} from './values';

const searchFilters = {
	filter: optionalText, // comma list of 1688 filter flags, e.g. "shipInToday,ksCiphertext"
	sort: optionalText, // a JSON *string*, e.g. "{\"price\":\"desc\"}"
	outMemberId: z.string().trim().default(''),
	priceStart: optionalText, // yuan, as text
	priceEnd: optionalText,
	country: language,
};

const pageSize = int('Page size (pageSize)', 1, 50).default(20);
const beginPaging = { beginPage: int('Page (beginPage)', 1).default(1), pageSize };
const pageNoPaging = { pageNo: int('Page (pageNo)', 1).default(1), pageSize };

/** G1 POST /alibaba/product/detail/get — offerId is an integer in the API. */
export const productDetailSchema = z.object({
	offerId: integerId('Offer ID (offerId)'),
	country: language,
	outMemberId: z.string().trim().default(''),
});

/** G3 POST /v2/alibaba/product/keywords/query (G9/G10 inferred to take the same body). */
export const productSearchSchema = z.object({
	keyword: text('Keyword (keyword)'),
	...beginPaging,
	...searchFilters,
	categoryId: optionalText, // a string here, an integer in G4/G5 (sic)
});

/** G4 POST /v2/alibaba/product/image/query */
export const productImageSearchSchema = z.object({
	imageBase64: base64File('Image (imageBase64)'),
	imageAddress: optionalText,
	...beginPaging,
	...searchFilters,
	region: optionalText,
	categoryId: int('Category ID (categoryId)', 0).optional(),
});

/** G5 POST /v2/alibaba/product/query/selleroffer */
export const productStoreSearchSchema = z.object({
	sellerOpenId: text('Seller open ID (sellerOpenId)'),
	keyword: optionalText,
	...beginPaging,
	...searchFilters,
	categoryId: int('Category ID (categoryId)', 0).optional(),
});

/** G6 (inferred) multilingual category by id. */
export const productCategorySchema = z.object({
	categoryId: digitId('Category ID (categoryId)'),
	language,
});

/** G7 (inferred) recommendations; G11 (inferred) hot list: paging + language. */
export const productRecommendSchema = z.object({ ...pageNoPaging, language });

/** G8 POST /v2/alibaba/product/productRelatedRecommendQuery — offerId is the mapped id (a string). */
export const productRelatedSchema = z.object({
	offerId: text('Offer ID (offerId)'),
	...pageNoPaging,
	language,
});

/** C2 (inferred) add to cart. */
export const cartAddSchema = z.object({
	offerMapId: text('Offer ID (offerMapId)'),
	specId: optionalText,
	quantity: int('Quantity (quantity)', 1, 1_000_000),
	sellerOpenId: text('Seller open ID (sellerOpenId)'),
});

/** C3 (inferred) delete cart lines by cart id. */
export const cartDeleteSchema = z.object({ cartIds: idArray('Cart IDs (cartIds)', true) });

/** C4 POST /alibaba/cart/edit-quantity */
export const cartEditQuantitySchema = z.object({
	id: integerId('Cart ID (id)'),
	quantity: int('Quantity (quantity)', 1, 1_000_000),
	productNo: z.string().trim().default(''),
	container: z.string().trim().default(''),
});

/** C5 POST /alibaba/cart/preview/order */
export const cartPreviewSchema = z.object({
	addressParam: addressSchema,
	cartIds: idArray('Cart IDs (cartIds)', true),
});

/** C6 POST /alibaba/cart/create/order */
export const cartCreateOrderSchema = z.object({
	flow: text('Order flow (flow)'),
	message: optionalText,
	shopPromotionId: optionalText,
	tradeType: optionalText,
	addressParam: addressSchema,
	cartIds: idArray('Cart IDs (cartIds)', true),
	userId: optionalText,
	staffName: optionalText,
});
