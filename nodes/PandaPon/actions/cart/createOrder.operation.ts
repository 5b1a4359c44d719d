import type { INodeProperties } from 'n8n-workflow';

import { cartCreateOrderSchema } from '../../model/goods';
import { asList } from '../../shared/parameters';
import { defineOperation } from '../define';
import { cartIdsField } from '../shared/idFields';
import { createdOrderId, ORDER_FLOW, safetyNotice } from '../shared/orderFlow';
import { addressFields, readAddress } from '../shared/cargoAndAddress';
import { settleCartOrder } from '../shared/unknownOutcome';
import { capOptions, checkCreatedTotals, enforceCap, readCap } from '../shared/spendingCap';

const notice: INodeProperties[] = [safetyNotice, ...addressFields, capOptions];

export const { description, execute, endpoint } = defineOperation({
	resource: 'cart',
	operation: 'createOrder',
	endpoint: 'cartCreateOrder',
	// Places real orders: sent once, never retried.
	schema: cartCreateOrderSchema,
	extraProperties: notice,
	fields: [
		cartIdsField('Cart line IDs to order (one 1688 order per seller)'),
		ORDER_FLOW,
		{
			name: 'message',
			displayName: 'Message to Seller',
			kind: 'text',
			optional: true,
			description: 'A note the seller sees with the order',
		},
		{
			name: 'shopPromotionId',
			displayName: 'Shop Promotion ID',
			kind: 'text',
			optional: true,
			description: 'A seller promotion to apply, if you have its ID (shopPromotionId)',
		},
		{
			name: 'tradeType',
			displayName: 'Trade Type',
			kind: 'text',
			optional: true,
			description: '1688 trade-mode code; leave empty to let 1688 choose',
		},
		{
			name: 'userId',
			displayName: 'PandaPon User ID',
			kind: 'text',
			optional: true,
			description: 'Order for this PandaPon (sub-)account instead of the credential’s user',
		},
		{
			name: 'staffName',
			displayName: 'Staff Name',
			kind: 'text',
			optional: true,
			description: 'Who placed the order, for your own records (staffName)',
		},
	],
	async prepare(itemIndex, request) {
		request.body.addressParam = readAddress.call(this, itemIndex) as never;
	},
	// Max Order Total: the documented cart preview for the same cart lines and address first.
	async beforeSend(itemIndex, body) {
		const cap = readCap(this, itemIndex);
		if (!cap) return undefined;
		const yuan = await enforceCap.call(this, itemIndex, cap, [
			{ endpoint: 'cartPreview', body: { addressParam: body.addressParam, cartIds: body.cartIds } },
		]);
		return async (items) =>
			await checkCreatedTotals.call(
				this,
				itemIndex,
				cap,
				yuan,
				items.map((item) => ({
					...item,
					json: { ...item.json, orderId: createdOrderId(item.json) },
				})),
			);
	},
	fenceOrders: true,
	settle(itemIndex, body, started, fence) {
		const address = (body.addressParam ?? {}) as { fullName?: string; mobile?: string };
		return settleCartOrder(
			this,
			itemIndex,
			started,
			{ fullName: address.fullName, mobile: address.mobile },
			fence,
		);
	},
	// Expected like batch create: one order-detail object per order (undocumented: no public page shows this answer).
	output: (data) => asList(data),
});
