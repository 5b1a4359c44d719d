import { refundReturnGoodsSchema } from '../../model/refund';
import { defineOperation } from '../define';
import { refundIdField1688 } from '../shared/idFields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'refund',
	operation: 'returnGoods',
	endpoint: 'refundReturnGoods',
	schema: refundReturnGoodsSchema,
	fields: [
		refundIdField1688('The 1688 refund ID (TQ…) that After-Sale → Create returned'),
		{
			name: 'logisticsCompanyNo',
			displayName: 'Carrier Code',
			kind: 'text',
			required: true,
			placeholder: 'e.g. YUNDA',
			description: 'From Get Logistics Companies',
		},
		{
			name: 'freightBill',
			displayName: 'Waybill Number',
			kind: 'text',
			required: true,
			placeholder: 'e.g. 4312345678901',
			description: 'The tracking number of the parcel you sent back (freightBill)',
		},
		{
			name: 'description',
			displayName: 'Note',
			kind: 'text',
			optional: true,
			description: 'A note for the seller about the return',
		},
		{
			name: 'vouchers',
			displayName: 'Voucher Images',
			kind: 'json',
			optional: true,
			placeholder: 'e.g. ["https://…/parcel.jpg"]',
			description: 'JSON array of image references from Upload Voucher, as evidence',
		},
	],
	output: (data, sent) => ({
		submitted: data !== false,
		refundId: sent.refundId as string,
		result: (data ?? null) as never,
	}),
});
