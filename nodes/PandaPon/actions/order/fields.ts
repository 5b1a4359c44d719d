import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The 1688 order ID field used by most order operations. */
export const orderIdField: INodeProperties = {
	displayName: '1688 Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2542285634920880794',
	description:
		'The 1688 order ID (tbOrderId in Get Many, orderId from Create). Keep it as text: 19-digit IDs do not fit a number.',
};

export const inferredNotice = (what: string): INodeProperties => ({
	displayName: `PandaPon does not publish ${what}, so the node sends its best guess. If PandaPon refuses it, nothing has changed.`,
	name: 'inferredNotice',
	type: 'notice',
	default: '',
});

/** Simplify (compact, the default), or the whole answer, optionally with readable fields added. */
export const outputFields = (what: string, readable: string): INodeProperties[] => [
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a compact ${what} instead of PandaPon's whole answer`,
	},
	{
		displayName: 'Add Readable Fields',
		name: 'readableFields',
		type: 'boolean',
		default: false,
		description: `Whether to add ${readable} to the whole answer`,
		displayOptions: { show: { simplify: [false] } },
	},
];

/** Which output shape an item asked for. */
export function outputShape(ctx: IExecuteFunctions, itemIndex: number): 'compact' | 'readable' | 'raw' {
	if (ctx.getNodeParameter('simplify', itemIndex, true) as boolean) return 'compact';
	return (ctx.getNodeParameter('readableFields', itemIndex, false) as boolean) ? 'readable' : 'raw';
}

/** Options → Requests in Parallel, for the operations whose items are independent (the router reads it). */
export const concurrencyOption: INodeProperties = {
	displayName: 'Requests in Parallel',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10 },
	default: 1,
	description:
		'How many input items are sent to PandaPon at the same time. 1 (the default) sends them one after another, the safe choice: PandaPon publishes no rate limit. Up to 10 speeds up bulk work; the output order stays the input order.',
};
