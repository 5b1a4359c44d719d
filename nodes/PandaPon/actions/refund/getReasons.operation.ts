import { refundReasonsSchema } from '../../model/refund';
import { asList } from '../../shared/parameters';
import { defineOperation } from '../define';
import { ENTRY_IDS, GOODS_STATUS, ORDER_ID } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'refund',
	operation: 'getReasons',
	endpoint: 'refundReasons',
	schema: refundReasonsSchema,
	fields: [ORDER_ID, GOODS_STATUS, ENTRY_IDS],
	output: (data) => asList(data),
});
