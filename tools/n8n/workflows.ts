/** Workflow JSON for the end-to-end runs: the examples as shipped, and one small workflow per order operation. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from './install';

export const CREDENTIAL_ID = 'pandaponAccount1';
export const CREDENTIAL_NAME = 'PandaPon account';

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export const EXAMPLES_DIR = path.join(ROOT, 'examples');

export function loadExample(file: string): WorkflowJson {
	return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
}

export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json'));
}

/** Sets parameters of one node of a workflow (the harness's way to point an example at local data). */
export function setParameters(
	workflow: WorkflowJson,
	nodeName: string,
	parameters: Record<string, unknown>,
): WorkflowJson {
	const node = workflow.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`workflow ${workflow.id} has no node "${nodeName}"`);
	node.parameters = { ...node.parameters, ...parameters };
	return workflow;
}

/** The callback-notify example as another workflow on its own webhook URL, with these trigger parameters. */
export function notifyVariant(
	notify: WorkflowJson,
	suffix: string,
	webhookId: string,
	parameters: Record<string, unknown>,
): WorkflowJson {
	const trigger = notify.nodes.find((node) => node.type === PANDAPON_TRIGGER);
	if (!trigger) throw new Error(`workflow ${notify.id} has no PandaPon Trigger`);
	return {
		...notify,
		id: `${notify.id}${suffix}`,
		name: `${notify.name} (${suffix})`,
		nodes: notify.nodes.map((node) =>
			node === trigger
				? { ...node, webhookId, parameters: { ...node.parameters, ...parameters } }
				: node,
		),
	};
}

/**
 * The callback-notify example answering PandaPon only once n8n has stored the execution (the trigger's Answer
 * PandaPon option), to run beside the example itself.
 */
export const answeringAfterStored = (notify: WorkflowJson): WorkflowJson =>
	notifyVariant(notify, 'Stored', '6f1d2c9e-8a41-4b7e-9d35-0c6a1e0d0002', {
		options: { answer: 'afterStored' },
	});

/** The PandaPon credential as n8n's import:credentials takes it (the data is encrypted on import). */
export function credentialFor(
	baseUrl: string,
	keys: { accessKey: string; accessSecret: string; userId: string },
) {
	return {
		id: CREDENTIAL_ID,
		name: CREDENTIAL_NAME,
		type: 'pandaPonApi',
		data: { ...keys, baseUrl, timestampUnit: 'seconds', signNonce: true },
	};
}

export const PANDAPON_NODE = 'n8n-nodes-pandapon.pandaPon';
export const PANDAPON_TRIGGER = 'n8n-nodes-pandapon.pandaPonTrigger';

/** Manual Trigger → PandaPon with these parameters. */
export function operationWorkflow(id: string, parameters: Record<string, unknown>): WorkflowJson {
	return {
		id,
		name: `e2e ${id}`,
		nodes: [
			{
				name: 'Run now',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				name: 'PandaPon',
				type: PANDAPON_NODE,
				typeVersion: 1,
				position: [240, 0],
				parameters,
				credentials: { pandaPonApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
			},
		],
		connections: { 'Run now': { main: [[{ node: 'PandaPon', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}
