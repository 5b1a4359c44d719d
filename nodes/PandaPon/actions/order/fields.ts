import type { INodeProperties } from 'n8n-workflow';

/** The 1688 order ID field used by most order operations. */
export const orderIdField: INodeProperties = {
	displayName: '1688 Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '2542285634920880794',
	description:
		'The 1688 order ID (tbOrderId in Get Many, orderId from Create). Keep it as text: 19-digit IDs do not fit a number.',
};

export const inferredNotice = (what: string): INodeProperties => ({
	displayName: `PandaPon does not publish ${what}, so the node works from the best-known guess. If PandaPon refuses it, nothing has changed; the README lists what is known for every operation.`,
	name: 'inferredNotice',
	type: 'notice',
	default: '',
});
