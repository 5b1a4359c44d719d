import { taobaoPaymentVoucherSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { TAOBAO_ORDER_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'uploadPaymentVoucher',
	endpoint: 'taobaoOrderPaymentVoucher',
	schema: taobaoPaymentVoucherSchema,
	fields: [
		TAOBAO_ORDER_ID,
		{
			name: 'imageBase64',
			displayName: 'Input Binary Field',
			kind: 'binary',
			required: true,
			default: 'data',
			fileNameField: 'fileName',
		},
	],
});
