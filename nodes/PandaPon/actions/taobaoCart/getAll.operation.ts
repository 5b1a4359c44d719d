import { asList } from '../../shared/parameters';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoCart',
	operation: 'getAll',
	endpoint: 'taobaoCartList',
	fields: [],
	output: (data) => asList(data),
});
