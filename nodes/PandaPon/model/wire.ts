/**
 * The documented wire shapes: for each endpoint a public page describes, exactly the fields that page lists, with
 * their JSON types (integer, number, string, object, array) and the fields it marks required. Nothing else passes.
 *
 * Checked on both sides, so neither can drift from the docs: the node checks every body it is about to send (a
 * mismatch is a bug of this package and nothing is sent), and the local server refuses any other body the way
 * PandaPon does. Bodies are read with parseJsonTyped, so an integer is a JsonInteger and `75` differs from `"75"`.
 * Pages are named in transport/endpoints.ts.
 */
import { z } from 'zod';

import type { EndpointName } from './endpoints';
import { JsonInteger, parseJsonTyped, stringifyJson } from './json';

/** A JSON integer (any size: 19-digit ids included). */
const integer = z.instanceof(JsonInteger, { message: 'must be a JSON integer' });
/** A JSON number (integer or not). */
const number = z.union([z.number(), integer], {
	errorMap: () => ({ message: 'must be a JSON number' }),
});
const string = z.string({
	invalid_type_error: 'must be a JSON string',
	required_error: 'is required',
});
const object = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

/** addressParam of the v1 pages (no districtCode). */
const addressV1 = object({
	fullName: string,
	mobile: string,
	phone: string,
	postCode: string.optional(),
	cityText: string,
	provinceText: string,
	areaText: string.optional(),
	townText: string.optional(),
	address: string,
});

/** FastAdress of the v2 pages: every field optional there, districtCode added. */
const addressV2 = object({
	fullName: string.optional(),
	mobile: string.optional(),
	phone: string.optional(),
	postCode: string.optional(),
	cityText: string.optional(),
	provinceText: string.optional(),
	areaText: string.optional(),
	townText: string.optional(),
	address: string.optional(),
	districtCode: string.optional(),
});

/**
 * FastCargo of the v2 pages. The zh edition names the product offerMapId (mapped id), the en edition offerId
 * (integer): a line carries exactly one of them, the one the user has (doc-cnv2.pandapon.com/api-288855709 uses offerMapId, doc-env2.pandapon.com/api-289121035 offerId).
 */
const fastCargo = object({
	offerMapId: string.optional(),
	offerId: integer.optional(),
	specId: string.optional(),
	quantity: number,
	sellerOpenId: string.optional(),
	productNo: string.optional(),
	container: string.optional(),
}).refine((line) => (line.offerMapId === undefined) !== (line.offerId === undefined), {
	message:
		'a cargo line carries exactly one of offerMapId (mapped id) and offerId (numeric 1688 offer id)',
});

const nonEmpty = <T extends z.ZodTypeAny>(item: T) => z.array(item).min(1, 'must not be empty');

export const WIRE_SCHEMAS: Partial<Record<EndpointName, z.ZodTypeAny>> = {
	orderList: object({
		pageNum: integer.optional(),
		pageSize: integer.optional(),
		userIdList: z.array(string).optional(),
		orderNo: string.optional(),
		tbOrderId: string.optional(),
		orderStatus: integer.optional(),
		// Listed as Java DateTime objects whose wire format is not published: the node never sends them.
		orderTimeBegin: z.unknown().optional(),
		orderTimeEnd: z.unknown().optional(),
	}),
	orderPreview: object({ addressParam: addressV2, cargoParamList: nonEmpty(fastCargo) }),
	// v1 lines: numeric offerId (integer), all four fields.
	orderPreviewBatch: object({
		addressParam: addressV1,
		cargoParamList: nonEmpty(
			object({ offerId: integer, specId: string, quantity: number, sellerOpenId: string }),
		),
	}),
	orderCreateBatch: object({
		flow: string,
		message: string.optional(),
		shopPromotionId: string.optional(),
		tradeType: string.optional(),
		addressParam: addressV2.optional(),
		cargoParamList: nonEmpty(fastCargo),
		userId: string.optional(),
		staffName: string.optional(),
		platformOrder: integer.optional(),
		transferAccountImgs: string.optional(),
		transferAccountRemark: string.optional(),
	}),
	orderPay: object({ orderIds: nonEmpty(string) }),
	orderCancel: object({
		webSite: string,
		orderId: integer,
		cancelReason: string.optional(),
		remark: string.optional(),
	}),
	// orderEntryIds is optional: left out when the whole order is confirmed (never []).
	orderReceiveGoods: object({ orderId: integer, orderEntryIds: nonEmpty(integer).optional() }),
	cartEditQuantity: object({
		id: integer,
		quantity: integer,
		productNo: string.optional(),
		container: string.optional(),
	}),
	cartPreview: object({ addressParam: addressV2.optional(), cartIds: nonEmpty(integer) }),
	cartCreateOrder: object({
		flow: string,
		message: string.optional(),
		shopPromotionId: string.optional(),
		tradeType: string.optional(),
		addressParam: addressV2.optional(),
		cartIds: nonEmpty(integer),
		userId: string.optional(),
		staffName: string.optional(),
	}),
	addressUpsert: object({
		id: integer.optional(),
		name: string.optional(),
		province: string.optional(),
		city: string.optional(),
		district: string.optional(),
		address: string.optional(),
		phone: string.optional(),
	}),
	refundCreate: object({
		orderId: integer,
		orderEntryIds: z.array(integer).optional(),
		disputeRequest: string,
		// Integers on the page, without a unit.
		applyPayment: integer,
		applyCarriage: integer,
		applyReasonId: integer,
		description: string,
		goodsStatus: string,
		vouchers: z.array(string).optional(),
		orderEntryCountList: z.array(object({ id: integer, count: integer })).optional(),
	}),
	taobaoCartAdd: object({
		userId: string.optional(),
		platform: integer.optional(),
		itemMapId: string.optional(),
		skuId: string.optional(),
		itemTitle: string.optional(),
		itemPic: string.optional(),
		mpId: string,
		mpSkuId: string,
		price: integer.optional(),
		promotionPrice: integer.optional(),
		properties: string.optional(),
		quantity: integer.optional(),
		shopId: integer.optional(),
		aliShopId: string.optional(),
		shopName: string.optional(),
		skuQuantity: string.optional(),
		userNick: string.optional(),
		priceRanges: z
			.array(object({ startQuantity: integer.optional(), price: number.optional() }))
			.optional(),
		quoteType: integer.optional(),
	}),
	taobaoCartCreateOrder: object({
		ids: nonEmpty(integer),
		orderAddress: object({
			zip: string.optional(),
			country: string.optional(),
			state: string.optional(),
			city: string.optional(),
			district: string.optional(),
			address: string.optional(),
			mobile_phone: string.optional(),
			phone: string.optional(),
			name: string.optional(),
		}),
		userId: string.optional(),
	}),
	taobaoRefundMessage: object({
		refundId: string,
		refundMessage: string,
		refundImages: string.optional(),
	}),
	// The example's form (the page's schema lists other fields its example does not send).
	taobaoOrderChatLink: object({
		sourceType: z.literal('item', { errorMap: () => ({ message: 'must be "item"' }) }),
		bizId: string,
	}),
};

/** Why a body does not fit the documented shape of an endpoint ("cargoParamList #1 › offerId: must be a JSON integer"), or undefined. */
export function wireMismatch(name: string | undefined, body: unknown): string | undefined {
	const schema = name ? WIRE_SCHEMAS[name as EndpointName] : undefined;
	if (!schema) return undefined;
	const typed =
		typeof body === 'string' ? parseJsonTyped(body) : parseJsonTyped(stringifyJson(body ?? {}));
	const result = schema.safeParse(typed ?? {});
	if (result.success) return undefined;
	return result.error.issues
		.map((issue) => {
			const where = issue.path
				.map((p) => (typeof p === 'number' ? ` #${p + 1}` : ` › ${p}`))
				.join('')
				.replace(/^ › /, '');
			const message =
				issue.code === 'unrecognized_keys'
					? `not a documented field: ${issue.keys.join(', ')}`
					: issue.message;
			return where ? `${where}: ${message}` : message;
		})
		.join('; ');
}
