/**
 * Workflows saved with 0.1.0 (test/e2e/fixtures/saved-0.1.0: the example workflows as that release shipped them)
 * still name node types, versions, parameters and option values this package has. The e2e suite runs the ones a
 * manual trigger can start in a real n8n 2.x and 1.x; this covers every PandaPon node of every fixture, the trigger
 * and AI-agent workflows included.
 */
import fs from 'fs';
import path from 'path';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { isShown } from '../support/helpers';

/* eslint-disable @typescript-eslint/no-require-imports */
const NODES: Record<string, INodeTypeDescription> = Object.fromEntries(
	[
		require('../../nodes/PandaPon/PandaPon.node.ts').PandaPon,
		require('../../nodes/PandaPon/PandaPonTrigger.node.ts').PandaPonTrigger,
		require('../../nodes/PandaPon/PandaPonOrderTrigger.node.ts').PandaPonOrderTrigger,
	].map((Node: new () => { description: INodeTypeDescription }) => {
		const { description } = new Node();
		return [`n8n-nodes-pandapon.${description.name}`, description];
	}),
);
/* eslint-enable @typescript-eslint/no-require-imports */

const DIR = path.join(__dirname, '..', 'e2e', 'fixtures', 'saved-0.1.0');
interface SavedNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}
const saved = fs.readdirSync(DIR).flatMap((file) => {
	const workflow = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as {
		nodes: SavedNode[];
	};
	return workflow.nodes
		.filter((node) => node.type.startsWith('n8n-nodes-pandapon.'))
		.map((node) => [`${file}: ${node.name}`, node] as const);
});

/** What is wrong with one saved node for the current description (empty: nothing). */
function problems(node: SavedNode): string[] {
	const type = node.type.replace(/Tool$/, '');
	const description = NODES[type];
	if (!description) return [`unknown node type ${node.type}`];
	const found: string[] = [];
	const versions = ([] as number[]).concat(description.version);
	if (!versions.includes(node.typeVersion))
		found.push(`typeVersion ${node.typeVersion} is not one of ${versions.join(', ')}`);
	// n8n saves no parameter equal to its default: isShown reads a missing resource or operation as its default.
	const shown = description.properties.filter((p) =>
		isShown(description.properties, p, node.parameters),
	);
	for (const [name, value] of Object.entries(node.parameters)) {
		// n8n's own parameter of polling triggers (their schedule), not one the node declares.
		if (name === 'pollTimes' && description.polling) continue;
		const property = shown.find((p: INodeProperties) => p.name === name);
		if (!property) {
			found.push(`parameter ${name} is not a parameter it shows`);
			continue;
		}
		const isExpression = typeof value === 'string' && value.startsWith('=');
		if (property.type === 'options' && !isExpression) {
			const values = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
			if (!values.includes(value as string))
				found.push(`${name} = ${String(value)} is not one of its options`);
		}
		if (property.type === 'multiOptions' && Array.isArray(value)) {
			const values = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
			for (const v of value)
				if (!values.includes(v)) found.push(`${name} has ${String(v)}, not one of its options`);
		}
		if (
			['collection', 'fixedCollection'].includes(property.type) &&
			value &&
			typeof value === 'object'
		) {
			const known = (property.options ?? []).map((o) => (o as { name: string }).name);
			for (const key of Object.keys(value))
				if (!known.includes(key)) found.push(`${name}.${key} is unknown`);
		}
	}
	return found;
}

describe('workflows saved with 0.1.0', () => {
	it('hold PandaPon nodes of all three types', () => {
		expect(new Set(saved.map(([, node]) => node.type.replace(/Tool$/, '')))).toEqual(
			new Set(Object.keys(NODES)),
		);
	});

	it.each(saved)(
		'%s: type, version, parameters and option values are all still known',
		(_label, node) => {
			expect(problems(node)).toEqual([]);
		},
	);

	it('a parameter renamed since would be caught', () => {
		const [, node] = saved.find(([, n]) => n.type === 'n8n-nodes-pandapon.pandaPon')!;
		expect(problems({ ...node, parameters: { ...node.parameters, orderIdentifier: '1' } })).toEqual(
			['parameter orderIdentifier is not a parameter it shows'],
		);
	});
});
