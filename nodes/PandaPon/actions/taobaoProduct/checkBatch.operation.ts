import { taobaoBatchCheckSchema } from '../../model/taobao';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoProduct',
	operation: 'checkBatch',
	endpoint: 'taobaoProductBatchCheck',
	schema: taobaoBatchCheckSchema,
	fields: [
		{
			name: 'params',
			displayName: 'Items to Check (JSON)',
			kind: 'jsonText',
			required: true,
			default: '',
			placeholder: 'e.g. [{ "itemId": "672991141190", "skuIds": ["3452545926724"] }]',
			description:
				'JSON array of {itemId, skuIds}. The node sends it as the JSON text PandaPon expects.',
		},
	],
});
