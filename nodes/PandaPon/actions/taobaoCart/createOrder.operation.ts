import type { INodeProperties } from 'n8n-workflow';

import { taobaoCartOrderSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { CART_ADDRESS, readTaobaoAddress, taobaoAddressInput } from '../shared/taobaoAddress';
import { CART_ORDER_FIELDS, withCredentialUser } from './fields';

const notice: INodeProperties = {
	displayName:
		'This places a real Taobao order for these cart lines and moves real money (there is no sandbox). It is sent once and never repeated automatically. Nothing limits what it spends: PandaPon’s cart order takes no budget and the node has no spending cap for it, so check the prices first (Taobao Cart → Preview).',
	name: 'createNotice',
	type: 'notice',
	default: '',
};

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoCart',
	operation: 'createOrder',
	endpoint: 'taobaoCartCreateOrder',
	schema: taobaoCartOrderSchema,
	extraProperties: [notice, ...taobaoAddressInput(CART_ADDRESS)],
	fields: CART_ORDER_FIELDS,
	async prepare(itemIndex, request) {
		request.body.orderAddress = readTaobaoAddress.call(this, itemIndex);
		await withCredentialUser.call(this, request.body, itemIndex);
	},
});
