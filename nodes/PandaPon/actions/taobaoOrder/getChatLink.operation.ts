import { taobaoChatLinkSchema } from '../../model/taobao';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'getChatLink',
	endpoint: 'taobaoOrderChatLink',
	schema: taobaoChatLinkSchema,
	fields: [
		{
			name: 'bizId',
			displayName: 'Taobao Item ID',
			kind: 'id',
			required: true,
			placeholder: 'e.g. 234576234',
			description:
				'The item to chat with its seller about. PandaPon’s page shows only item chats (sourceType "item").',
		},
	],
	// The page's example form; its schema lists other fields (loginName, password, …) that its example does not send.
	constants: { sourceType: 'item' },
	// PandaPon answers the chat URL as a bare string.
	output: (data) => ({ chatUrl: typeof data === 'string' ? data : (data as never) }),
});
