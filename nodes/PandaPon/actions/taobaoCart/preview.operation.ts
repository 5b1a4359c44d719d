import { taobaoCartOrderSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { CART_ADDRESS, readTaobaoAddress, taobaoAddressInput } from '../shared/taobaoAddress';
import { CART_ORDER_FIELDS, withCredentialUser } from './fields';

// Path guessed; sent the documented body of the cart's Create Order (ids, orderAddress, userId).
export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoCart',
	operation: 'preview',
	endpoint: 'taobaoCartPreview',
	schema: taobaoCartOrderSchema,
	extraProperties: taobaoAddressInput(CART_ADDRESS),
	fields: CART_ORDER_FIELDS,
	async prepare(itemIndex, request) {
		request.body.orderAddress = readTaobaoAddress.call(this, itemIndex);
		await withCredentialUser.call(this, request.body, itemIndex);
	},
});
