/** Request bodies of 1688 after-sales and the address book (pages: the endpoint table, model/endpoints.ts), shared with the local server. */
import { z } from 'zod';

import { base64File, digitId, idArray, int, integerId, optionalText, text } from './values';

/** A1 POST /alibaba/refund/info (refundId also in the query, as one edition shows). */
export const refundInfoSchema = z.object({ refundId: text('Refund ID (refundId)') });

/** A2 (inferred) refund reasons for an order. */
export const refundReasonsSchema = z.object({
	orderId: integerId('Order ID (orderId)'),
	orderEntryIds: idArray('Sub-order IDs (orderEntryIds)', true).optional(),
	goodsStatus: text('Goods status (goodsStatus)'),
});

/** A3 (inferred) one voucher image as base64. */
export const refundVoucherSchema = z.object({
	imageBase64: base64File('Image (imageBase64)'),
	fileName: optionalText,
});

/** A4 POST /v2/alibaba/refund/detail/create — amounts are integers with no published unit (probably fen). */
export const refundCreateSchema = z.object({
	orderId: integerId('Order ID (orderId)'),
	orderEntryIds: idArray('Sub-order IDs (orderEntryIds)', true).optional(),
	disputeRequest: text('Request type (disputeRequest)'),
	applyPayment: int('Refund amount (applyPayment)', 0),
	applyCarriage: int('Shipping refund (applyCarriage)', 0),
	applyReasonId: int('Reason ID (applyReasonId)', 0),
	description: text('Description (description)'),
	goodsStatus: text('Goods status (goodsStatus)'),
	vouchers: z.array(z.string().trim().min(1)).optional(),
	orderEntryCountList: z
		.array(z.object({ id: integerId('Sub-order ID (id)'), count: int('Count (count)', 1) }))
		.optional(),
});

/** A5 POST /alibaba/refund/goods/return */
export const refundReturnGoodsSchema = z.object({
	refundId: text('Refund ID (refundId)'),
	logisticsCompanyNo: text('Carrier code (logisticsCompanyNo)'),
	freightBill: text('Waybill number (freightBill)'),
	description: optionalText,
	vouchers: z.array(z.string().trim().min(1)).optional(),
});

/** B1 POST /v2/open/address/addOrUpdate — id set = update (inferred), omitted = add. */
export const addressUpsertSchema = z.object({
	id: integerId('Address ID (id)').optional(),
	name: text('Recipient name (name)'),
	province: text('Province (province)'),
	city: text('City (city)'),
	district: text('District (district)'),
	address: text('Street address (address)'),
	phone: z
		.string({ required_error: 'Mobile (phone) is required' })
		.trim()
		.regex(/^\+?[\d\s-]{5,20}$/, 'Mobile (phone) must be a phone number, e.g. 18600888861'),
});

export { digitId };
