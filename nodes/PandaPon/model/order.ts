/**
 * zod schemas of the 1688 order request bodies (pages: the endpoint table, model/endpoints.ts), shared by the node (which validates what it is
 * about to send) and the local PandaPon server (which validates what it receives), so the two cannot drift.
 * Shapes the endpoint table marks as inferred are flagged; correct them here and both sides follow.
 */
import { z } from 'zod';

import { JsonInteger, jsonInteger } from './json';
import { digitId, optionalText, text } from './values';

/** addressParam (FastAdress): the delivery address, normally your China warehouse. */
export const addressSchema = z.object({
	fullName: text('Recipient name (fullName)'),
	mobile: text('Mobile (mobile)'),
	phone: text('Phone (phone)'),
	postCode: optionalText,
	provinceText: text('Province (provinceText)'),
	cityText: text('City (cityText)'),
	areaText: optionalText,
	townText: text('Town (townText)'),
	address: text('Street address (address)'),
	// v2 only: the 6-digit district division code (inferred from the list's toDivisionCode).
	districtCode: z
		.string()
		.trim()
		.regex(/^\d{6}$/, 'District code (districtCode) must be 6 digits, e.g. 330106')
		.optional()
		.or(z.literal('').transform(() => undefined)),
});
export type AddressParam = z.infer<typeof addressSchema>;

/** A mapped offer id (v2: letters, digits, _ and -), e.g. L0PTnwSnx_dWNZWCtgK7Gg. */
export const MAPPED_OFFER_ID = /^[A-Za-z0-9_-]+$/;

const quantity = z
	.number({
		required_error: 'Quantity (quantity) is required',
		invalid_type_error: 'Quantity (quantity) must be a number',
	})
	.int('Quantity (quantity) must be a whole number')
	.positive('Quantity (quantity) must be greater than 0')
	.max(1_000_000, 'Quantity (quantity) is too large');

// 1688 SKU spec id: 32 hex characters. Offers without variants have none.
const specId = z
	.string()
	.trim()
	.regex(/^[0-9a-fA-F]{32}$/, 'Spec ID (specId) must be the 32-character hex SKU spec id')
	.optional()
	.or(z.literal('').transform(() => undefined));

/**
 * One cargo line (v2 FastCargo). It carries the id the user has (doc-cnv2.pandapon.com/api-288855709 uses offerMapId, doc-env2.pandapon.com/api-289121035 offerId): a mapped id as offerMapId, or
 * a numeric 1688 offer id as offerId, written as a JSON integer with its digits exact. Never both.
 */
const cargoObject = z.object({
	offerMapId: z
		.string()
		.trim()
		.regex(
			MAPPED_OFFER_ID,
			'Offer ID (offerMapId) must be a mapped offer ID such as L0PTnwSnx_dWNZWCtgK7Gg',
		)
		.optional(),
	offerId: digitId('Offer ID (offerId)')
		.transform((v) => jsonInteger(v))
		.optional(),
	specId,
	quantity,
	sellerOpenId: optionalText,
	productNo: optionalText,
	container: optionalText,
});

/** A line names its product once: by mapped ID or by numeric offer ID. */
function oneOfferId(
	line: { offerMapId?: string; offerId?: JsonInteger },
	ctx: z.RefinementCtx,
): void {
	if (line.offerMapId === undefined && line.offerId === undefined) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message:
				'Offer ID is required (a mapped ID such as L0PTnwSnx_dWNZWCtgK7Gg, or the numeric 1688 offer ID)',
		});
	} else if (line.offerMapId !== undefined && line.offerId !== undefined) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message:
				'Offer ID: give either the mapped ID (offerMapId) or the numeric 1688 offer ID (offerId), not both',
		});
	}
}

export const cargoSchema = cargoObject.superRefine(oneOfferId);

/** The keys an address and a cargo line may carry (what a JSON input is checked against, and its hint lists). */
export const ADDRESS_KEYS = Object.keys(addressSchema.shape);
export const CARGO_KEYS = Object.keys(cargoObject.shape);
export type CargoParam = z.infer<typeof cargoSchema>;

/** The id a cargo line names (mapped or numeric), as text. */
export const cargoOfferId = (line: { offerMapId?: string; offerId?: JsonInteger | string }) =>
	line.offerMapId ?? String(line.offerId);

const cargoList = z
	.array(cargoSchema, { required_error: 'Cargo lines (cargoParamList) are required' })
	.min(1, 'Cargo lines (cargoParamList) must have at least one line');

const sellerCargoList = z
	.array(
		cargoObject
			.extend({ sellerOpenId: text('Seller open ID (sellerOpenId)') })
			.superRefine(oneOfferId),
	)
	.min(1, 'Cargo lines (cargoParamList) must have at least one line');

/** addressParam of the v1 pages: the same fields without districtCode. */
export const addressV1Schema = addressSchema.omit({ districtCode: true }).strip();

/** One v1 cargo line (the several-sellers preview): numeric offerId, spec, quantity and seller, all required. */
export const cargoV1Schema = z.object({
	offerId: digitId('Offer ID (offerId)').transform((v) => jsonInteger(v)),
	specId: z
		.string({ required_error: 'Spec ID (specId) is required' })
		.trim()
		.regex(/^[0-9a-fA-F]{32}$/, 'Spec ID (specId) must be the 32-character hex SKU spec id'),
	quantity,
	sellerOpenId: text('Seller open ID (sellerOpenId)'),
});
export type CargoV1 = z.infer<typeof cargoV1Schema>;

/** POST /v2/alibaba/order/page */
export const orderListSchema = z.object({
	pageNum: z.number().int().min(1).default(1),
	pageSize: z.number().int().min(1).max(200).default(20),
	userIdList: z.array(z.string().trim().min(1)).optional(),
	orderNo: z.string().trim().optional(),
	tbOrderId: z.string().trim().optional(),
	orderStatus: z.number().int().optional(),
	// Format undocumented (not published); the node filters on createTime itself and leaves these out.
	orderTimeBegin: z.union([z.string(), z.number()]).optional(),
	orderTimeEnd: z.union([z.string(), z.number()]).optional(),
});

/** POST /alibaba/order/detail */
export const orderDetailSchema = z.object({
	webSite: z.literal('1688').default('1688'),
	orderId: digitId('Order ID (orderId)'),
});

/** POST /v2/alibaba/order/create/preview (one seller) */
export const previewSchema = z.object({
	addressParam: addressSchema,
	cargoParamList: cargoList,
});

/** POST /alibaba/order/create/previewbatch (v1, several sellers): numeric offerId lines, v1 address. */
export const previewBatchSchema = z.object({
	addressParam: addressV1Schema,
	cargoParamList: z
		.array(cargoV1Schema, { required_error: 'Cargo lines (cargoParamList) are required' })
		.min(1, 'Cargo lines (cargoParamList) must have at least one line'),
});

const createFields = {
	flow: text('Order flow (flow)'),
	message: optionalText,
	shopPromotionId: optionalText,
	tradeType: optionalText,
	addressParam: addressSchema,
	userId: optionalText,
	staffName: optionalText,
	platformOrder: z.number().int().optional(),
	transferAccountImgs: optionalText,
	transferAccountRemark: optionalText,
};

/** Create (one seller): sent to POST /v2/alibaba/order/batch/create, whose body is documented (doc-cnv2.pandapon.com/api-288855706; the v2 single-create page, doc-th.pandapon.com/api-289190490, stops before its body). */
// The one-seller Create goes to the batch path (endpoint table: orderCreateBatch), whose page requires each line's seller.
export const createSchema = z.object({ ...createFields, cargoParamList: sellerCargoList });

/** POST /v2/alibaba/order/batch/create (may mix sellers; one 1688 order per seller) */
export const createBatchSchema = z.object({ ...createFields, cargoParamList: sellerCargoList });

/** POST /alibaba/order/batch/submit/to/pay */
export const paySchema = z.object({
	orderIds: z
		.array(digitId('Order ID'), { required_error: 'Order IDs (orderIds) are required' })
		.min(1, 'Order IDs (orderIds) must name at least one order'),
});

/** POST /v2/alibaba/order/cancel */
export const cancelSchema = z.object({
	webSite: z.literal('1688').default('1688'),
	orderId: digitId('Order ID (orderId)'),
	cancelReason: text('Cancel reason (cancelReason)'),
	remark: optionalText,
});

/** POST /alibaba/order/receivegoods */
export const receiveGoodsSchema = z.object({
	orderId: digitId('Order ID (orderId)'),
	// Optional on the page: left out (never []) when the whole order is confirmed.
	orderEntryIds: z.array(digitId('Sub-order ID (orderEntryIds)')).min(1).optional(),
});

/** GET /v2/alibaba/order/pay/url, GET logistics trace (query) */
export const orderIdQuerySchema = z.object({
	orderId: digitId('Order ID (orderId)'),
	webSite: z.string().optional(),
});

/** POST /alibaba/product/openuid/decrypt (path and body inferred from client usage) */
export const decryptSchema = z.object({
	offerId: z
		.union([z.string(), z.number()])
		.transform((v) => String(v).trim())
		.pipe(z.string().min(1, 'Offer ID (offerId) is required')),
	openUid: text('Seller open ID (openUid)'),
});
