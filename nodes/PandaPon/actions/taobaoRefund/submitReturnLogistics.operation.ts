import { taobaoRefundLogisticsSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { REFUND_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoRefund',
	operation: 'submitReturnLogistics',
	endpoint: 'taobaoRefundLogisticsSubmit',
	schema: taobaoRefundLogisticsSchema,
	fields: [
		REFUND_ID,
		{
			name: 'logisticsCompanyCode',
			displayName: 'Carrier Code',
			kind: 'text',
			required: true,
			placeholder: 'e.g. YUNDA',
			description:
				'The carrier’s code as Taobao knows it (YUNDA, ZTO, SF …): see the return form (Get Return Logistics Form)',
		},
		{
			name: 'logisticsNo',
			displayName: 'Waybill Number',
			kind: 'text',
			required: true,
			description: 'The tracking number of the parcel you sent back',
		},
	],
});
