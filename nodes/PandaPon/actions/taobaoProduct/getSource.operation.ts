import { taobaoSourceSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { language } from '../shared/translation';
import { ITEM_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoProduct',
	operation: 'getSource',
	endpoint: 'taobaoProductSource',
	schema: taobaoSourceSchema,
	fields: [ITEM_ID, language],
});
