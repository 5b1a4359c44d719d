import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { credentialData } from '../../transport/request';
import type { FieldSpec } from '../shared/fields';

/** The cart lines and owner of a Taobao cart order (doc.pandapon.com/api-250313096: ids, orderAddress, userId). */
export const CART_ORDER_FIELDS: FieldSpec[] = [
	{
		name: 'ids',
		displayName: 'Cart IDs',
		kind: 'idList',
		required: true,
		placeholder: 'e.g. 75, 76',
		description: 'The Taobao cart record IDs to order (id in Get Many), comma-separated',
	},
	{
		name: 'userId',
		displayName: 'User ID',
		kind: 'text',
		optional: true,
		placeholder: 'e.g. 2100007341207',
		description: 'PandaPon user the order belongs to. Empty: the User ID of the credential.',
	},
];

/** userId defaults to the credential's User ID, as in PandaPon's example. */
export async function withCredentialUser(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): Promise<void> {
	const raw = this.getNodeParameter('additionalFields.userId', itemIndex, '') as unknown;
	// A number from an expression (a mapped user id) is text too.
	const given = raw === undefined || raw === null ? '' : String(raw).trim();
	if (given) return;
	const userId = String((await credentialData(this)).userId ?? '').trim();
	if (userId) body.userId = userId;
}
