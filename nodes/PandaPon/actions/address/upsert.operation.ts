import { addressUpsertSchema } from '../../model/refund';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'address',
	operation: 'upsert',
	endpoint: 'addressUpsert',
	schema: addressUpsertSchema,
	fields: [
		{
			name: 'name',
			displayName: 'Recipient Name',
			kind: 'text',
			required: true,
			placeholder: 'e.g. 张三',
		},
		{
			name: 'phone',
			displayName: 'Mobile',
			kind: 'text',
			required: true,
			placeholder: 'e.g. 138 0000 0000',
		},
		{
			name: 'province',
			displayName: 'Province',
			kind: 'text',
			required: true,
			placeholder: 'e.g. 浙江省',
		},
		{ name: 'city', displayName: 'City', kind: 'text', required: true, placeholder: 'e.g. 杭州市' },
		{
			name: 'district',
			displayName: 'District',
			kind: 'text',
			required: true,
			placeholder: 'e.g. 西湖区',
		},
		{
			name: 'address',
			displayName: 'Street Address',
			kind: 'text',
			required: true,
			placeholder: 'e.g. 仓前街道 1 号',
		},
		{
			name: 'id',
			displayName: 'Address ID (to Update)',
			kind: 'id',
			optional: true,
			description: 'Set to update that address; leave empty to add a new one',
		},
	],
	// PandaPon answers only {code, msg} here.
	output: (_data, sent) => ({
		saved: true,
		...sent,
		id: sent.id === undefined ? undefined : String(sent.id),
	}),
});
