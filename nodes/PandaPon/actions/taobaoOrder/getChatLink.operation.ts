import { taobaoChatLinkSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';

export const { description, execute } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'getChatLink',
	endpoint: 'taobaoOrderChatLink',
	idempotent: true,
	schema: taobaoChatLinkSchema,
	fields: [
		{
			name: 'sourceType',
			displayName: 'About',
			kind: 'options',
			default: 'item',
			options: [
				{ name: 'Item', value: 'item' },
				{ name: 'Order', value: 'order' },
			],
		},
		{ name: 'bizId', displayName: 'Item or Order ID', kind: 'id', required: true, placeholder: '234576234' },
	],
	// PandaPon answers the chat URL as a bare string.
	output: (data) => ({ chatUrl: typeof data === 'string' ? data : (data as never) }),
});
