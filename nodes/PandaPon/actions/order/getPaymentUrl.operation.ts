import type { IDataObject } from 'n8n-workflow';

import { orderIdQuerySchema } from '../../model/order';
import { defineOperation } from '../define';
import { ORDER_ID } from './fields';

export const { description, execute, endpoint, parallel } = defineOperation({
	resource: 'order',
	operation: 'getPaymentUrl',
	endpoint: 'orderPayUrl',
	parallel: true,
	fields: [ORDER_ID],
	schema: orderIdQuerySchema,
	// The cashier link as PandaPon answers it (doc-env2.pandapon.com/api-289121041).
	output: (data) => (data ?? {}) as IDataObject,
});
