import { taobaoSourceSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { language } from '../product/fields';
import { ITEM_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoProduct',
	operation: 'getSource',
	endpoint: 'taobaoProductSource',
	schema: taobaoSourceSchema,
	fields: [ITEM_ID, language],
});
