import { asList } from '../../shared/parameters';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'address',
	operation: 'getAll',
	endpoint: 'addressList',
	fields: [],
	output: (data) => asList(data),
});
