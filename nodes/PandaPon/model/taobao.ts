/**
 * Request bodies of the Taobao endpoints (pages: the endpoint table, model/endpoints.ts), shared with the local server. Most Taobao paths and
 * bodies are inferred; each is one schema here.
 */
import { z } from 'zod';

import {
	base64File,
	digitId,
	fen,
	idArray,
	int,
	integerId,
	jsonText,
	language,
	optionalText,
	text,
} from './values';

const pageNo = {
	pageNo: int('Page (pageNo)', 1).default(1),
	pageSize: int('Page size (pageSize)', 1, 40).default(20),
};

/** TG1 GET /v2/taobao/product/get?itemId= */
export const taobaoItemQuerySchema = z.object({ itemId: text('Item ID (itemId)') });

/** TG2 POST /open/product/batch/check — params is a JSON *string* [{itemId, skuIds[]}]. */
export const taobaoBatchCheckSchema = z.object({
	params: jsonText('Items to check (params)', 'array'),
});

/** TG3 POST /v2/taobao/product/item/search */
export const taobaoSearchSchema = z.object({
	keyword: text('Keyword (keyword)'),
	...pageNo,
	sort: optionalText,
});

/** TG4 (inferred) image search. */
export const taobaoImageSearchSchema = z.object({
	imageBase64: base64File('Image (imageBase64)'),
	...pageNo,
});

/** TG6 POST /open/product/source/get */
export const taobaoSourceSchema = z.object({
	itemId: text('Item ID (itemId)'),
	language: language.optional(),
});

/** TO1 POST /open/order — orderLineList and receiver are JSON *strings*; purchaseAmount in fen (a budget cap). */
export const taobaoOrderCreateSchema = z.object({
	orderLineList: jsonText('Order lines (orderLineList)', 'array'),
	receiver: jsonText('Receiver (receiver)', 'object'),
	purchaseAmount: fen('Budget in fen (purchaseAmount)').refine(
		(v) => v > 0,
		'Budget in fen (purchaseAmount) must be greater than 0',
	),
	orderSource: optionalText,
	sellerOrderNumber: optionalText,
});

/** TO2 POST /open/order/render */
export const taobaoOrderRenderSchema = z.object({
	orderLineList: jsonText('Order lines (orderLineList)', 'array'),
	receiver: jsonText('Receiver (receiver)', 'object'),
});

/** TO3 (inferred) order list. */
export const taobaoOrderListSchema = z.object({
	...pageNo,
	salesOrderId: optionalText,
	purchaseOrderId: optionalText,
	orderStatus: int('Order status (orderStatus)').optional(),
});

/** TO4 (inferred) payment voucher. */
export const taobaoPaymentVoucherSchema = z.object({
	orderId: digitId('Order ID (orderId)'),
	imageBase64: base64File('Image (imageBase64)'),
	fileName: optionalText,
});

/** TO5 cancel, TO7 pay, TO9 detail (inferred): the Taobao order id. */
export const taobaoOrderIdSchema = z.object({ orderId: digitId('Order ID (orderId)') });

/** TO6 POST /open/order/updateWarehouse */
export const taobaoUpdateWarehouseSchema = z.object({
	orderId: digitId('Order ID (orderId)'),
	warehouseName: text('Warehouse name (warehouseName)'),
	warehouseAddress: text('Warehouse address (warehouseAddress)'),
});

/** TO8 POST /open/order/page/link/get — the example's form: only item chats appear in the docs. */
export const taobaoChatLinkSchema = z.object({
	sourceType: z.literal('item', {
		errorMap: () => ({ message: 'Source type (sourceType) must be item' }),
	}),
	bizId: digitId('Item ID (bizId)'),
});

/** TO10 GET /v2/taobao/order/logistics/detail/get?subPurchaseOrderId= */
export const taobaoLogisticsSchema = z.object({
	subPurchaseOrderId: digitId('Sub purchase order ID (subPurchaseOrderId)'),
});

/** TC1 POST /v2/taobao/cart/add (v2 page doc-env2 api-289121002): shopId integer, priceRanges price a number. */
export const taobaoCartAddSchema = z.object({
	mpId: text('Distribution product ID (mpId)'),
	mpSkuId: text('Distribution SKU ID (mpSkuId)'),
	itemMapId: optionalText,
	skuId: optionalText,
	itemTitle: optionalText,
	itemPic: optionalText,
	price: int('Price (price)', 0).optional(),
	promotionPrice: int('Promotion price (promotionPrice)', 0).optional(),
	properties: jsonText('Properties (properties)', 'array').optional(),
	quantity: int('Quantity (quantity)', 1, 1_000_000),
	shopId: integerId('Shop ID (shopId)').optional(),
	shopName: optionalText,
	aliShopId: optionalText,
	priceRanges: z
		.array(
			z.object({
				startQuantity: int('Start quantity (startQuantity)', 1),
				price: z.number({
					invalid_type_error: 'Price (price) must be a number',
					required_error: 'Price (price) is required',
				}),
			}),
		)
		.optional(),
	quoteType: int('Quote type (quoteType)').optional(),
	userId: optionalText,
	platform: int('Platform (platform)').optional(),
	skuQuantity: optionalText,
	userNick: optionalText,
});

/** TC3 delete (inferred). */
export const taobaoCartDeleteSchema = z.object({ cartIds: idArray('Cart IDs (cartIds)') });

/** TC4 edit quantity (inferred, like the 1688 cart). */
export const taobaoCartEditSchema = z.object({
	id: digitId('Cart ID (id)'),
	quantity: int('Quantity (quantity)', 1, 1_000_000),
});

/** orderAddress of the Taobao cart order (doc.pandapon.com/api-250313096): all text. */
export const taobaoOrderAddressSchema = z.object({
	name: text('Recipient name (name)'),
	mobile_phone: text('Mobile (mobile_phone)'),
	phone: optionalText,
	country: text('Country (country)'),
	state: text('Province (state)'),
	city: text('City (city)'),
	district: optionalText,
	address: text('Street address (address)'),
	zip: optionalText,
});

/**
 * TC6 POST /open/cart/create/order (v1, documented request): ids are the cart record ids (integers), orderAddress
 * an object, userId text. No budget field. TC5 (preview, path inferred) is sent the same body.
 */
export const taobaoCartOrderSchema = z.object({
	ids: idArray('Cart IDs (ids)', true),
	orderAddress: taobaoOrderAddressSchema,
	userId: optionalText,
});

/** TA1 POST /open/order/refund/queryList */
export const taobaoRefundListSchema = z.object({
	...pageNo,
	refundId: optionalText,
	purchaseOrderId: optionalText,
	salesOrderId: optionalText,
	refundStatus: int('Refund status (refundStatus)').optional(),
	refundStartTime: int('From, epoch ms (refundStartTime)', 0).optional(),
	refundEndTime: int('To, epoch ms (refundEndTime)', 0).optional(),
});

/** TA2 POST /v2/taobao/order/refund/render */
export const taobaoRefundRenderSchema = z.object({
	subOrderId: digitId('Sub-order ID (subOrderId)'),
	refundType: int('Refund type (refundType)'),
	goodsStatus: int('Goods status (goodsStatus)'),
});

/** TA3 (inferred) return-logistics form, TA5 cancel, TA8 messages, TA10 detail: the refund id. */
export const taobaoRefundIdSchema = z.object({ refundId: digitId('Refund ID (refundId)') });

/** TA4 (inferred) return shipment. */
export const taobaoRefundLogisticsSchema = z.object({
	refundId: digitId('Refund ID (refundId)'),
	logisticsCompanyCode: text('Carrier code (logisticsCompanyCode)'),
	logisticsNo: text('Waybill number (logisticsNo)'),
});

/** TA6 POST /open/order/refund/submit/message */
export const taobaoRefundMessageSchema = z.object({
	refundId: digitId('Refund ID (refundId)'),
	refundMessage: text('Message (refundMessage)'),
	// A string on the page (doc-en api-263477624), format not described: sent as typed.
	refundImages: optionalText,
});

const refundRequest = {
	subOrderId: digitId('Sub-order ID (subOrderId)'),
	refundType: int('Refund type (refundType)'),
	goodsStatus: int('Goods status (goodsStatus)'),
	reasonId: int('Reason ID (reasonId)'),
	refundFee: fen('Refund amount in fen (refundFee)'),
	refundDesc: optionalText,
};

/** TA7 (inferred) submit a refund. */
export const taobaoRefundSubmitSchema = z.object(refundRequest);

/** TA9 (inferred) modify a refund. */
export const taobaoRefundModifySchema = z.object({
	refundId: digitId('Refund ID (refundId)'),
	...refundRequest,
});
