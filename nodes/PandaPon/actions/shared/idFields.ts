/**
 * The id fields several resources declare: written once here, with each operation's own hint. Ids are text (19-digit
 * 1688 and Taobao ids do not fit a JS number).
 */
import type { FieldSpec } from './fields';

/** Cart IDs, a list: the 1688 and Taobao carts' Preview, Create Order and Delete Items. */
export const cartIdsField = (description: string): FieldSpec => ({
	name: 'cartIds',
	displayName: 'Cart IDs',
	kind: 'idList',
	required: true,
	placeholder: 'e.g. 1, 2',
	description,
});

/** The 1688 order ID (orderId on the wire). */
export const orderIdField1688 = (description: string): FieldSpec => ({
	name: 'orderId',
	displayName: '1688 Order ID',
	kind: 'id',
	required: true,
	placeholder: 'e.g. 2542285634920880794',
	description,
});

/** The 1688 refund ID (TQ…). */
export const refundIdField1688 = (description: string): FieldSpec => ({
	name: 'refundId',
	displayName: 'Refund ID',
	kind: 'text',
	required: true,
	placeholder: 'e.g. TQ1234567890123456789',
	description,
});
