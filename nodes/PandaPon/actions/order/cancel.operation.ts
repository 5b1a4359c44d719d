import { jsonInteger } from '../../model/json';
import { cancelSchema } from '../../model/order';
import { defineOperation } from '../define';
import { settleCancel } from '../shared/unknownOutcome';
import { ORDER_ID } from './fields';

export const { description, execute, endpoint, parallel } = defineOperation({
	resource: 'order',
	operation: 'cancel',
	endpoint: 'orderCancel',
	parallel: true,
	extraProperties: [
		{
			displayName:
				'Only unpaid orders can be cancelled. After payment, use an after-sales (refund) request.',
			name: 'cancelNotice',
			type: 'notice',
			default: '',
		},
	],
	fields: [
		ORDER_ID,
		{
			name: 'cancelReason',
			displayName: 'Cancel Reason',
			kind: 'options',
			required: true,
			options: [
				{
					name: 'Buyer Cancels (buyerCancel)',
					value: 'buyerCancel',
					description: 'You no longer want the goods',
				},
				{
					name: 'Seller Lacks Goods (sellerGoodsLack)',
					value: 'sellerGoodsLack',
					description: 'The seller cannot deliver',
				},
				{
					name: 'Other',
					value: 'other',
					description: 'Another reason (sent as other): say why under Remark',
				},
			],
			default: 'buyerCancel',
			description:
				'Why the order is cancelled, as 1688’s reason codes. PandaPon also accepts free text (e.g. 不想要了) from an expression.',
		},
		{ name: 'remark', displayName: 'Remark', kind: 'text', description: 'Optional note' },
	],
	constants: { webSite: '1688' },
	// orderId is typed integer on the page (doc-cnv2.pandapon.com/api-288855711): sent as bare digits.
	schema: cancelSchema.transform((body) => ({ ...body, orderId: jsonInteger(body.orderId) })),
	// Never retried: a lost answer is settled by reading the order back.
	settle(itemIndex, body) {
		return settleCancel(this, itemIndex, String(body.orderId));
	},
	refuseAnswer: (data, sent) =>
		data === false
			? {
					message: `PandaPon did not cancel order ${String(sent.orderId)} (it answered data: false)`,
					description: 'The order may already be paid or closed. Check it with Get.',
				}
			: undefined,
	output: (_data, sent) => ({
		orderId: String(sent.orderId),
		cancelled: true,
		cancelReason: sent.cancelReason,
	}),
});
