import { taobaoCartOrderSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { RECEIVER } from '../taobaoOrder/fields';

export const { description, execute } = defineOperation({
	resource: 'taobaoCart',
	operation: 'preview',
	endpoint: 'taobaoCartPreview',
	idempotent: true,
	schema: taobaoCartOrderSchema,
	fields: [
		{ name: 'cartIds', displayName: 'Cart IDs', kind: 'idList', required: true, placeholder: '1, 2' },
		RECEIVER,
		{ name: 'purchaseAmount', displayName: 'Budget (Fen)', kind: 'number', optional: true, description: 'The most the order may cost, in fen' },
	],
});
