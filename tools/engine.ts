/**
 * Runs n8n workflow JSON through n8n-core's own execution engine (WorkflowExecute), as n8n's node test
 * harness does: the real PandaPon node, n8n's real request helper and the credential's real authenticate()
 * all run, against the local PandaPon server. Only n8n's credential store is stood in for (a map).
 */
import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	LoggerProxy,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { PandaPonApi } from '../credentials/PandaPonApi.credentials';
import type { PandaPon as PandaPonNode } from '../nodes/PandaPon/PandaPon.node';

// By its full file name: "PandaPon.node" alone resolves to the codex file PandaPon.node.json under tsx (the bench).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PandaPon } = require('../nodes/PandaPon/PandaPon.node.ts') as {
	PandaPon: typeof PandaPonNode;
};
import type { PandaPonOrderTrigger as OrderTriggerNode } from '../nodes/PandaPon/PandaPonOrderTrigger.node';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PandaPonOrderTrigger } = require('../nodes/PandaPon/PandaPonOrderTrigger.node.ts') as {
	PandaPonOrderTrigger: typeof OrderTriggerNode;
};

/** Start node of the fixtures: emits the items given in its parameters (like pinned data). */
class TestItems implements INodeType {
	description = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: '[]' } as INodeProperties,
		],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		// An item's "$binary" key becomes its binary data, as a Read File node would produce it
		// ({ data: { data: <base64>, mimeType, fileName } }, n8n's in-memory binary mode).
		return [
			items.map(({ $binary, ...json }) =>
				$binary ? { json, binary: $binary as INodeExecutionData['binary'] } : { json },
			),
		];
	}
}

/**
 * The least any n8n node does per item: one request through n8n's authenticated helper (the credential signs it),
 * the body as text. No parameters per item, no parsing, no checks. The benchmark's floor for the node's overhead.
 */
class BareRequest implements INodeType {
	description = {
		displayName: 'Bare Request',
		name: 'bareRequest',
		group: ['transform'],
		version: 1,
		description: 'One signed POST per item',
		defaults: { name: 'Bare Request' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'pandaPonApi', required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'string', default: '' },
		] as INodeProperties[],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = this.getNodeParameter('url', 0) as string;
		const body = this.getNodeParameter('body', 0) as string;
		const output: INodeExecutionData[] = [];
		for (let item = 0; item < this.getInputData().length; item++) {
			const text = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType.name,
				{
					method: 'POST',
					url,
					body,
					headers: { 'Content-Type': 'application/json' },
					json: false,
					encoding: 'text',
				},
			)) as string;
			output.push({ json: { text }, pairedItem: { item } });
		}
		return [output];
	}
}

const NODE_TYPES: Record<string, INodeType> = {
	'test.items': new TestItems(),
	'test.bareRequest': new BareRequest(),
	'CUSTOM.pandaPon': new PandaPon(),
	// The same node as n8n runs it for an AI agent (n8n adds the "Tool" variant of a usableAsTool node).
	'CUSTOM.pandaPonTool': new PandaPon(),
	'CUSTOM.pandaPonOrderTrigger': new PandaPonOrderTrigger(),
};

/** Adds a node type for one test (e.g. a node built from a single operation declaration), by its type name. */
export function registerNodeType(type: string, node: INodeType): void {
	NODE_TYPES[type] = node;
}

class NodeTypes implements INodeTypes {
	getByName(type: string): INodeType | IVersionedNodeType {
		const node = NODE_TYPES[type];
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

const credentialType = new PandaPonApi();

// n8n logs every node error; the tests assert on them instead (and the secret test reads them: captureLogs).
let logSink: string[] | undefined;
const record = (level: string) => (message: unknown, meta?: unknown) => {
	logSink?.push(`${level} ${String(message)} ${safeJson(meta)}`);
};
function safeJson(value: unknown): string {
	try {
		return (
			JSON.stringify(value, (_k, v: unknown) =>
				v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
			) ?? ''
		);
	} catch {
		return String(value);
	}
}
LoggerProxy.init({
	error: record('error'),
	warn: record('warn'),
	info: record('info'),
	debug: record('debug'),
} as unknown as Parameters<typeof LoggerProxy.init>[0]);

/** From now on, every line n8n's logger receives is kept in the returned list. */
export function captureLogs(): string[] {
	logSink = [];
	return logSink;
}

class CredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (typeName !== credentialType.name || typeof credentialType.authenticate !== 'function') {
			throw new Error(`No authenticate() for ${typeName}`);
		}
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const found = this.data[type];
		if (!found) throw new Error(`No test credentials of type ${type}`);
		return found;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

/**
 * An object with the given properties; any other property is a function that does nothing (what a mocking
 * library's deep mock gives, without needing Jest, so the benchmarks can use this harness too).
 */
function standIn<T extends object>(known: Partial<T>): T {
	const noop = () => undefined;
	return new Proxy(known as T, {
		get(target, property, receiver) {
			if (property in target) return Reflect.get(target, property, receiver) as unknown;
			if (typeof property === 'symbol' || property === 'then' || property === 'toJSON')
				return undefined;
			return noop;
		},
	});
}

export interface RunResult {
	run: IRun;
	/** Output items of a node (first output, first run). */
	output(nodeName?: string): INodeExecutionData[];
	/** The workflow's error, if any (message and description). */
	error?: { message: string; description?: string | null; node?: string };
}

export async function runWorkflow(
	workflow: Pick<IWorkflowBase, 'nodes' | 'connections'> & { settings?: IWorkflowBase['settings'] },
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<RunResult> {
	const workflowInstance = new Workflow({
		id: 'test',
		nodes: workflow.nodes,
		connections: workflow.connections,
		nodeTypes: new NodeTypes(),
		settings: workflow.settings,
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks('manual', '1', standIn({}));
	let finished!: (run: IRun) => void;
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished(fullRunData));
	// Everything else n8n's additionalData holds (DB access, push, …) is a stand-in, as in n8n's own harness.
	const known: Partial<IWorkflowExecuteAdditionalData> = {
		hooks,
		currentNodeParameters: undefined,
		// Each run its own execution, as in n8n (the node remembers the writes of an execution for Retry On Fail).
		executionId: `test-${++executionCounter}`,
		encryptedRunnerIdentity: undefined,
	};
	const additionalData = standIn<IWorkflowExecuteAdditionalData>(known);
	additionalData.credentialsHelper = new CredentialsHelper(credentials);

	const start = workflowInstance.getNode(workflow.nodes[0].name) as INode;
	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	try {
		await execute.processRunExecutionData(workflowInstance);
	} catch (error) {
		// n8n refuses a workflow whose nodes have issues (a required field left empty) before running any node.
		if ((error as Error).name !== 'WorkflowHasIssuesError') throw error;
		const issues = JSON.stringify((error as { description?: unknown }).description ?? '');
		return {
			run: undefined as unknown as IRun,
			output: () => [],
			error: { message: (error as Error).message, description: issues },
		};
	}
	const run = await done;
	const error = run.data.resultData.error as
		| { message: string; description?: string | null; node?: { name: string } }
		| undefined;
	return {
		run,
		output(nodeName = 'PandaPon') {
			const task = run.data.resultData.runData[nodeName]?.[0];
			return (task?.data?.main?.[0] ?? []) as INodeExecutionData[];
		},
		error: error
			? { message: error.message, description: error.description, node: error.node?.name }
			: undefined,
	};
}

let executionCounter = 0;

export interface NodeSpec {
	parameters: IDataObject;
	/** The node under test: the PandaPon node unless given (the benchmark's 'test.bareRequest'). */
	type?: string;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** n8n's Retry On Fail: the node runs again in the same execution after a failure, up to maxTries runs in all. */
	retryOnFail?: { maxTries: number; waitBetweenTries?: number };
}

/** A workflow fixture: Items → PandaPon (with the credential). Several specs chain PandaPon nodes. */
export function pandaponWorkflow(spec: NodeSpec): Pick<IWorkflowBase, 'nodes' | 'connections'> {
	return {
		nodes: [
			{
				id: 'items',
				name: 'Items',
				type: 'test.items',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(spec.items ?? [{}]) },
			},
			{
				id: 'pandapon',
				name: 'PandaPon',
				type: spec.type ?? 'CUSTOM.pandaPon',
				typeVersion: 1,
				position: [200, 0],
				parameters: spec.parameters as INode['parameters'],
				credentials: { pandaPonApi: { id: '1', name: 'PandaPon (local)' } },
				...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(spec.retryOnFail
					? {
							retryOnFail: true,
							maxTries: spec.retryOnFail.maxTries,
							waitBetweenTries: spec.retryOnFail.waitBetweenTries ?? 0,
						}
					: {}),
			},
		],
		connections: {
			Items: { main: [[{ node: 'PandaPon', type: 'main', index: 0 }]] },
		},
	};
}

export interface PollResult {
	/** The items the poll emitted (none: the poll returned null). */
	items: IDataObject[];
	/** The workflow's static data after the poll, as n8n would save it. */
	staticData: IDataObject;
}

/**
 * Runs the polling trigger's poll() once, as n8n's active-workflow manager does: n8n-core's own PollContext over
 * a workflow holding the trigger, its static data (pass what an earlier poll left, JSON-copied like n8n's saving),
 * the credential through the stand-in credentials helper. mode "manual" is the editor's Fetch Test Event.
 */
export async function runPoll(
	parameters: IDataObject,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	options: { staticData?: IDataObject; mode?: 'trigger' | 'manual' } = {},
): Promise<PollResult> {
	const node: INode = {
		id: 'poll',
		name: 'PandaPon Order Changes',
		type: 'CUSTOM.pandaPonOrderTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { pandaPonApi: { id: '1', name: 'PandaPon (local)' } },
	};
	const workflow = new Workflow({
		id: 'poll-test',
		nodes: [node],
		connections: {},
		nodeTypes: new NodeTypes(),
		active: true,
		staticData: JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject,
	});
	const additionalData = standIn<IWorkflowExecuteAdditionalData>({
		currentNodeParameters: undefined,
		executionId: undefined,
	});
	additionalData.credentialsHelper = new CredentialsHelper(credentials);
	const context = new PollContext(
		workflow,
		workflow.getNode(node.name) as INode,
		additionalData,
		options.mode ?? 'trigger',
		'activate',
	);
	const result = await new PandaPonOrderTrigger().poll.call(context);
	return {
		items: (result?.[0] ?? []).map((item) => item.json),
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}
