import { asList } from '../../shared/parameters';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'refund',
	operation: 'getLogisticsCompanies',
	endpoint: 'refundLogisticsCompanies',
	fields: [],
	output: (data) => asList(data),
});
