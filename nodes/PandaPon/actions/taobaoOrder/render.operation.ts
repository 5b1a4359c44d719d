import { taobaoOrderRenderSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { ORDER_LINES, RECEIVER } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'render',
	endpoint: 'taobaoOrderRender',
	idempotent: true,
	schema: taobaoOrderRenderSchema,
	fields: [ORDER_LINES, RECEIVER],
});
