import { taobaoSearchSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { TAOBAO_PAGING } from '../shared/paging';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoProduct',
	operation: 'search',
	endpoint: 'taobaoProductSearch',
	schema: taobaoSearchSchema,
	paging: TAOBAO_PAGING,
	fields: [
		{
			name: 'keyword',
			displayName: 'Keyword',
			kind: 'text',
			required: true,
			placeholder: 'e.g. 连衣裙',
		},
		{
			name: 'sort',
			displayName: 'Sort',
			kind: 'text',
			optional: true,
			placeholder: 'e.g. tk_rate_desc',
			description: 'Taobao sort key, e.g. tk_rate_desc',
		},
	],
});
