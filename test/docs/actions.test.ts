/**
 * The action texts: what n8n shows in the actions panel, names a node after, and hands an AI agent as the tool
 * description ("<action> in <node name>"). Each says what it does, names the marketplace, and for a write that it
 * changes real things and is sent once.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { PandaPon as PandaPonNode } from '../../nodes/PandaPon/PandaPon.node';
import { resources } from '../../nodes/PandaPon/actions/router';
import { ENDPOINTS, type EndpointName } from '../../nodes/PandaPon/transport/endpoints';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PandaPon } = require('../../nodes/PandaPon/PandaPon.node.ts') as { PandaPon: typeof PandaPonNode };

const properties = new PandaPon().description.properties as INodeProperties[];
const actions = properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) =>
		((p.options ?? []) as INodePropertyOptions[]).map((o) => {
			const resource = String(p.displayOptions?.show?.resource?.[0]);
			const key = (resources[resource]?.[String(o.value)] as { endpoint?: EndpointName | null } | undefined)?.endpoint;
			return { resource, operation: String(o.value), action: String(o.action), endpoint: key ? ENDPOINTS[key] : undefined };
		}),
	);

describe('action texts (tool descriptions)', () => {
	it('every operation has one, and none repeats another', () => {
		expect(actions.length).toBe(71);
		expect(new Set(actions.map((a) => a.action)).size).toBe(actions.length);
	});

	it.each(actions.map((a) => [`${a.resource} → ${a.operation}`, a] as const))('%s names its marketplace and, if it writes, that it is sent once', (_name, a) => {
		expect(a.action).toMatch(/\b(1688|Taobao|PandaPon)\b/);
		expect(a.action).not.toMatch(/\btaobao\b|\bpandapon\b| s /);
		if (a.resource.startsWith('taobao')) expect(a.action).toContain('Taobao');
		if (['order', 'product', 'cart', 'refund'].includes(a.resource)) expect(a.action).toContain('1688');
		// Writes that are not repeated say so; a quantity update (safe to repeat) says that it changes the cart.
		if (a.endpoint?.access === 'write') expect(a.action).toMatch(/sent once$|changes the cart$/);
		if (a.endpoint?.access === 'read') expect(a.action).not.toMatch(/sent once/);
	});

	it('the operations that spend money say so', () => {
		const spending = actions.filter((a) => /^(create|createBatch|pay|createOrder)$/.test(a.operation) && a.endpoint?.access === 'write' && !/refund/i.test(a.resource));
		expect(spending.map((a) => `${a.resource}.${a.operation}`).sort()).toEqual(
			['cart.createOrder', 'order.create', 'order.createBatch', 'order.pay', 'taobaoCart.createOrder', 'taobaoOrder.create', 'taobaoOrder.pay'].sort(),
		);
		for (const a of spending) expect(a.action).toContain('real money');
	});
});
