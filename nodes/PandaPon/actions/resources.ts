/** The node's resources as the Resource dropdown names them, and the canvas subtitle built from the dropdowns. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const RESOURCES: INodePropertyOptions[] = [
	{ name: '1688 After-Sale', value: 'refund' },
	{ name: '1688 Cart', value: 'cart' },
	{ name: '1688 Order', value: 'order' },
	{ name: '1688 Product', value: 'product' },
	{ name: 'Account', value: 'account' },
	{ name: 'Address Book', value: 'address' },
	{ name: 'Push', value: 'push', description: 'Pushes PandaPon sent to n8n’s own Webhook node' },
	{
		name: 'Signed API Call',
		value: 'custom',
		description:
			'Any PandaPon endpoint, signed by this node with 19-digit IDs kept exact. Prefer it to n8n’s generic Custom API Call entry, which is a plain HTTP Request.',
	},
	{ name: 'Taobao After-Sale', value: 'taobaoRefund' },
	{ name: 'Taobao Cart', value: 'taobaoCart' },
	{ name: 'Taobao Order', value: 'taobaoOrder' },
	{ name: 'Taobao Product', value: 'taobaoProduct' },
];

/**
 * The canvas subtitle in the words of the dropdowns ("1688 Order: Get Many"), not their internal values: one map
 * from resource.operation to the two names, built from the properties themselves.
 */
export function subtitleFor(properties: INodeProperties[]): string {
	const names: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const resource = String(property.displayOptions?.show?.resource?.[0]);
		const resourceName = RESOURCES.find((r) => r.value === resource)?.name ?? resource;
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			names[`${resource}.${String(option.value)}`] = `${resourceName}: ${option.name}`;
		}
	}
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + "." + $parameter["operation"]] || "" }}`;
}
