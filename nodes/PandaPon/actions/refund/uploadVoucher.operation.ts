import { refundVoucherSchema } from '../../model/refund';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'refund',
	operation: 'uploadVoucher',
	endpoint: 'refundUploadVoucher',
	// Each call stores another image.
	schema: refundVoucherSchema,
	fields: [
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
