/** Output and throughput options every kind of operation offers the same way: Simplify, and Requests in Parallel. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Simplify, on by default: a compact shape of each item instead of PandaPon's whole answer. */
export const simplifyProperty = (what: string): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: `Whether to return a compact ${what} instead of PandaPon's whole answer`,
});

/** Simplify (compact, the default), or the whole answer, optionally with readable fields added. */
export const outputFields = (what: string, readable: string): INodeProperties[] => [
	simplifyProperty(what),
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
export function outputShape(
	ctx: IExecuteFunctions,
	itemIndex: number,
): 'compact' | 'readable' | 'raw' {
	if (ctx.getNodeParameter('simplify', itemIndex, true) as boolean) return 'compact';
	return (ctx.getNodeParameter('readableFields', itemIndex, false) as boolean) ? 'readable' : 'raw';
}

/** Options → Requests in Parallel, for the operations whose items are independent (the router reads the operation's parallel flag). */
export const concurrencyOption: INodeProperties = {
	displayName: 'Requests in Parallel',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10 },
	default: 1,
	description:
		'How many input items are sent to PandaPon at the same time. 1 (the default) sends them one after another, the safe choice: PandaPon publishes no rate limit. Up to 10 speeds up bulk work; the output order stays the input order.',
};
