import { asList } from '../common';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'refund',
	operation: 'getLogisticsCompanies',
	endpoint: 'refundLogisticsCompanies',
	idempotent: true,
	fields: [],
	output: (data) => asList(data),
});
