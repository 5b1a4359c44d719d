import { refundInfoSchema } from '../../model/refund';
import { defineOperation } from '../define';
import { refundIdField1688 } from '../shared/idFields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'refund',
	operation: 'get',
	endpoint: 'refundInfo',
	schema: refundInfoSchema,
	fields: [refundIdField1688('The 1688 refund ID (starts with TQ)')],
	// One edition of the public docs shows refundId as a query parameter of this POST: sent in both places.
	async prepare(itemIndex, request) {
		request.query.refundId = String(this.getNodeParameter('refundId', itemIndex, '')).trim();
	},
});
