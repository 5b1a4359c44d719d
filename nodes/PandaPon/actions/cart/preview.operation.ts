import { cartPreviewSchema } from '../../schemas/goods';
import { defineOperation } from '../define';
import { addressFields, readAddress } from '../order/shared';

export const { description, execute, endpoint } = defineOperation({
	resource: 'cart',
	operation: 'preview',
	endpoint: 'cartPreview',
	idempotent: true,
	schema: cartPreviewSchema,
	extraProperties: addressFields,
	fields: [{ name: 'cartIds', displayName: 'Cart IDs', kind: 'idList', required: true, placeholder: 'e.g. 1, 2', description: 'Cart line IDs to price' }],
	async prepare(itemIndex, request) {
		request.body.addressParam = readAddress.call(this, itemIndex) as never;
	},
});
