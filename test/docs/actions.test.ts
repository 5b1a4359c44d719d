/**
 * The action texts: what n8n shows in the actions panel, names a new node after, and names an AI tool after
 * ("<action> in PandaPon", then nodeNameToToolName, cut at 64 characters). Each is short, as n8n's own nodes write
 * them (verb, object, marketplace), and every spending write says "real money"; that a write is sent once is said
 * in its error messages, where a model reads it when it matters.
 */
import { nodeNameToToolName, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import type { PandaPon as PandaPonNode } from '../../nodes/PandaPon/PandaPon.node';
import { resources } from '../../nodes/PandaPon/actions/router';
import { ENDPOINTS, type EndpointName } from '../../nodes/PandaPon/model/endpoints';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PandaPon } = require('../../nodes/PandaPon/PandaPon.node.ts') as {
	PandaPon: typeof PandaPonNode;
};

const properties = new PandaPon().description.properties as INodeProperties[];
const actions = properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) =>
		((p.options ?? []) as INodePropertyOptions[]).map((o) => {
			const resource = String(p.displayOptions?.show?.resource?.[0]);
			const key = (
				resources[resource]?.[String(o.value)] as { endpoint?: EndpointName | null } | undefined
			)?.endpoint;
			return {
				resource,
				operation: String(o.value),
				action: String(o.action),
				description: String(o.description ?? ''),
				endpoint: key ? ENDPOINTS[key] : undefined,
			};
		}),
	);

describe('action texts (tool descriptions)', () => {
	it('every operation has one, and none repeats another', () => {
		expect(actions.length).toBe(71);
		expect(new Set(actions.map((a) => a.action)).size).toBe(actions.length);
	});

	it.each(actions.map((a) => [`${a.resource} → ${a.operation}`, a] as const))(
		'%s is short and names its marketplace',
		(_name, a) => {
			expect(a.action.length).toBeLessThanOrEqual(42);
			// Sentence case, as n8n's nodes write actions, and no punctuation: n8n's lint (the community-package scanner)
			// compares with a sentence-cased copy, which drops brackets and commas.
			expect(a.action).toMatch(/^[A-Z][a-z]/);
			expect(a.action).not.toMatch(/[(),;:!?]/);
			expect(a.action).toMatch(/\b(1688|Taobao|PandaPon)\b/);
			expect(a.action).not.toMatch(/\btaobao\b|\bpandapon\b| s /);
			if (a.resource.startsWith('taobao')) expect(a.action).toContain('Taobao');
			if (['order', 'product', 'cart', 'refund'].includes(a.resource))
				expect(a.action).toContain('1688');
		},
	);

	it('dropdown descriptions speak the user’s words: no "(endpoint inferred)" (the panel says a guess is a guess, once)', () => {
		for (const a of actions)
			expect(`${a.resource}.${a.operation}: ${a.description}`).not.toMatch(/inferred/);
	});

	it('as AI tools, even the ninth copy of a node keeps its whole name under 64 characters, and no two collide', () => {
		// n8n names a tool node "<action> in PandaPon", a copy "<action> in PandaPon1" …, and the model's tool name
		// is nodeNameToToolName of that, cut at 64: a cut would make copies collide, which refuses the whole agent.
		for (const a of actions) {
			for (const copy of ['', '1', '9']) {
				const name = `${a.action} in PandaPon${copy}`;
				expect(name.length).toBeLessThanOrEqual(64);
				expect(nodeNameToToolName(name)).toBe(name.replace(/[^a-zA-Z0-9_-]+/g, '_'));
			}
		}
		const toolNames = actions.flatMap((a) =>
			['', '1'].map((copy) => nodeNameToToolName(`${a.action} in PandaPon${copy}`)),
		);
		expect(new Set(toolNames).size).toBe(toolNames.length);
	});

	it('the operations that spend money say so', () => {
		const spending = actions.filter(
			(a) =>
				/^(create|createBatch|pay|createOrder)$/.test(a.operation) &&
				a.endpoint?.access === 'write' &&
				!/refund/i.test(a.resource),
		);
		expect(spending.map((a) => `${a.resource}.${a.operation}`).sort()).toEqual(
			[
				'cart.createOrder',
				'order.create',
				'order.createBatch',
				'order.pay',
				'taobaoCart.createOrder',
				'taobaoOrder.create',
				'taobaoOrder.pay',
			].sort(),
		);
		for (const a of spending) expect(a.action).toContain('real money');
	});
});

describe('found by what a buyer searches for (codex aliases)', () => {
	const ALIASES = [
		'1688',
		'Alibaba',
		'Taobao',
		'purchasing',
		'sourcing',
		'buying agent',
		'dropshipping',
		'China',
	];
	/* eslint-disable @typescript-eslint/no-require-imports */
	const nodes = [
		PandaPon,
		require('../../nodes/PandaPon/PandaPonTrigger.node.ts').PandaPonTrigger,
		require('../../nodes/PandaPon/PandaPonOrderTrigger.node.ts').PandaPonOrderTrigger,
	] as Array<new () => { description: { name: string } }>;
	/* eslint-enable @typescript-eslint/no-require-imports */

	it.each([0, 1, 2])('node %i: its codex names the node and lists every alias', (index) => {
		const folder = ['PandaPon', 'PandaPonTrigger', 'PandaPonOrderTrigger'][index];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const codex = require(`../../nodes/PandaPon/${folder}.node.json`) as {
			node: string;
			alias: string[];
		};
		expect(codex.node).toBe(`n8n-nodes-pandapon.${new nodes[index]().description.name}`);
		expect(codex.alias).toEqual(expect.arrayContaining(ALIASES));
	});
});
