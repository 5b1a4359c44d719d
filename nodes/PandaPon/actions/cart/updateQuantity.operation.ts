import { cartEditQuantitySchema } from '../../model/goods';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'cart',
	operation: 'updateQuantity',
	endpoint: 'cartEditQuantity',
	schema: cartEditQuantitySchema,
	fields: [
		{
			name: 'id',
			displayName: 'Cart ID',
			kind: 'id',
			required: true,
			placeholder: 'e.g. 1',
			description: 'The cart line ID (id in Get Cart)',
		},
		{ name: 'quantity', displayName: 'Quantity', kind: 'number', required: true, default: 1 },
		{
			name: 'productNo',
			displayName: 'Your Product No.',
			kind: 'text',
			optional: true,
			placeholder: 'e.g. SKU-RED-42',
			description: 'Your own product reference for this line (productNo), echoed in orders',
		},
		{
			name: 'container',
			displayName: 'Container No.',
			kind: 'text',
			optional: true,
			placeholder: 'e.g. C-12',
			description:
				'Your own container or box number for this line, kept with it and shown on the order (container)',
		},
	],
	output: (data, sent) => ({
		updated: data === true,
		id: String(sent.id),
		quantity: sent.quantity,
	}),
});
