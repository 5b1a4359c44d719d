import { cartAddSchema } from '../../model/goods';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'cart',
	operation: 'add',
	endpoint: 'cartAdd',
	schema: cartAddSchema,
	fields: [
		{
			name: 'offerMapId',
			displayName: 'Offer ID (Mapped)',
			kind: 'text',
			required: true,
			placeholder: 'e.g. L0PTnwSnx_dWNZWCtgK7Gg',
			description:
				'The product’s mapped offer ID (offerMapId, letters and digits), from 1688 Product → Get or Search',
		},
		{
			name: 'specId',
			displayName: 'Spec ID',
			kind: 'text',
			placeholder: 'e.g. e61a85a671bb3d0301d0412b51641c6b',
			description: 'The SKU (32 hex characters); leave empty for products without variants',
		},
		{ name: 'quantity', displayName: 'Quantity', kind: 'number', required: true, default: 1 },
		{
			name: 'sellerOpenId',
			displayName: 'Seller Open ID',
			kind: 'text',
			required: true,
			placeholder: 'e.g. BBBgGWh2O6JFI6v1aQuZVgRIA',
			description: 'The seller’s open ID (sellerOpenId), from 1688 Product → Get',
		},
	],
});
