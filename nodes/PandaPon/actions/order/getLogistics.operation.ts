import { orderIdQuerySchema } from '../../model/order';
import { asList } from '../../shared/parameters';
import { defineOperation } from '../define';
import { ORDER_ID } from './fields';

export const { description, execute, endpoint, parallel } = defineOperation({
	resource: 'order',
	operation: 'getLogistics',
	// Not published by PandaPon: the node's guessed-endpoint notice says so (endpoint table: inferred).
	endpoint: 'orderLogistics',
	parallel: true,
	fields: [ORDER_ID],
	constants: { webSite: '1688' },
	schema: orderIdQuerySchema,
	output: (data, _body, query) => {
		const parcels = asList(data);
		return { orderId: query.orderId, shipped: parcels.length > 0, parcels };
	},
});
