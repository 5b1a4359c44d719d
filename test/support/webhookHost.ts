/**
 * Hosts the PandaPon Trigger's webhook() on a real HTTP port the way n8n's webhook server does (raw body kept,
 * query parsed, express-style response), and counts the executions it would start. Only n8n's webhook context
 * is stood in for; the node's code runs as is. Static data is kept as JSON, like n8n persists it.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import axios from 'axios';
import type {
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { signPandaPonRequest } from '../../credentials/PandaPonApi.credentials';

import { PandaPonTrigger } from '../../nodes/PandaPon/PandaPonTrigger.node';

export interface HostOptions {
	parameters?: IDataObject;
	/** JSON of the workflow's static data, as saved by an earlier n8n process. */
	staticData?: string;
	/**
	 * The PandaPon API credential selected in the trigger (none: no signature can be checked); 'unreadable': one is
	 * selected but n8n cannot load it (deleted, or its encryption key changed).
	 */
	credentials?: IDataObject | 'unreadable';
	/** The workflow id: the same id after a "restart" is the same workflow. */
	workflowId?: string;
	/**
	 * When n8n answers (the node left the answer to it: "After the Execution Is Stored"): storing takes this long,
	 * and the first `storeFailures` stores fail, answered 500 with no execution, as n8n does when its database errs.
	 */
	storeDelayMs?: number;
	storeFailures?: number;
}

let hosts = 0;

export class WebhookHost {
	readonly executions: INodeExecutionData[][] = [];
	readonly answers: number[] = [];
	/** What the node logged as warnings. */
	readonly warnings: string[] = [];
	/** For each execution: whether the sender already had its answer when n8n would have stored and started it. */
	readonly answeredBeforeStart: boolean[] = [];
	staticData: IDataObject;
	url = '';
	private readonly server: http.Server;
	private readonly node = new PandaPonTrigger();
	private readonly workflowId: string;
	private storeFailuresLeft: number;

	constructor(private readonly options: HostOptions = {}) {
		this.staticData = options.staticData ? (JSON.parse(options.staticData) as IDataObject) : {};
		this.workflowId = options.workflowId ?? `wf-${++hosts}`;
		this.storeFailuresLeft = options.storeFailures ?? 0;
		this.server = http.createServer((req, res) => void this.handle(req, res));
	}

	async listen(): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/uuid/pandapon`;
		return this.url;
	}

	close(): Promise<void> {
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	/**
	 * What n8n's authenticated request helper does for the node: the credential's own authenticate() signs, the
	 * request goes out, the full response comes back (raw text). Only this machine is reachable, as in CI.
	 */
	private async signedRequest(options: IHttpRequestOptions, data: IDataObject | undefined) {
		const url = new URL(String(options.url));
		if (!['127.0.0.1', 'localhost'].includes(url.hostname))
			throw Object.assign(new Error(`only this machine is reachable in tests (${url.host})`), {
				code: 'EOFFLINE',
			});
		const signed = await signPandaPonRequest((data ?? {}) as never, options);
		const answer = await axios.request({
			method: signed.method,
			url: signed.url,
			params: signed.qs,
			data: signed.body,
			headers: signed.headers as Record<string, string>,
			timeout: signed.timeout,
			responseType: 'text',
			transformResponse: (body) => body,
			validateStatus: () => true,
		});
		return { statusCode: answer.status, headers: answer.headers, body: answer.data };
	}

	/** What n8n would save after the run. */
	persisted(): string {
		return JSON.stringify(this.staticData);
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = new URL(req.url ?? '/', 'http://localhost');
		const request = Object.assign(req, {
			rawBody: Buffer.concat(chunks),
			query: Object.fromEntries(url.searchParams.entries()),
			body: undefined,
		});
		const response = Object.assign(res, {
			status(code: number) {
				res.statusCode = code;
				return response;
			},
			json(value: unknown) {
				res.setHeader('Content-Type', 'application/json');
				res.end(JSON.stringify(value));
				return response;
			},
		});
		const parameters: IDataObject = {
			events: ['*'],
			otherTypes: '',
			platform: 'any',
			options: {},
			...this.options.parameters,
		};
		const context = {
			getRequestObject: () => request,
			getResponseObject: () => response,
			getWebhookName: () => (req.method === 'GET' ? 'setup' : 'default'),
			getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
			getWorkflowStaticData: () => this.staticData,
			getCredentials: async (type: string) => {
				if (type !== 'pandaPonApi' || !this.options.credentials)
					throw new Error('Node does not have any credentials set');
				if (this.options.credentials === 'unreadable')
					throw new Error('Credentials could not be decrypted');
				return this.options.credentials;
			},
			// Each host is a separate workflow (and, after a "restart", a separate process's memory).
			getWorkflow: () => ({ id: this.workflowId }),
			getNode: () => ({
				id: 'pandapon-trigger',
				name: 'PandaPon Trigger',
				...(this.options.credentials
					? { credentials: { pandaPonApi: { id: 'cred-1', name: 'PandaPon account' } } }
					: {}),
			}),
			logger: { warn: (text: string) => this.warnings.push(text) },
			helpers: {
				returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })),
				httpRequestWithAuthentication: (
					type: string,
					options: IHttpRequestOptions,
					extra?: { credentialsDecrypted?: { data?: IDataObject } },
				) => this.signedRequest(options, extra?.credentialsDecrypted?.data),
			},
		} as unknown as IWebhookFunctions;
		// The node's answer is held until webhook() returns, so a test that has its answer also sees the execution
		// the push started (in n8n that execution follows a moment later); whether the node had answered before
		// handing over the execution is recorded all the same.
		let held: unknown[] | undefined;
		const end = res.end.bind(res) as (...args: unknown[]) => void;
		(res as unknown as { end: (...args: unknown[]) => unknown }).end = (...args: unknown[]) => {
			held = args;
			return res;
		};
		const result = await this.node.webhook.call(context);
		// As n8n does: noWebhookResponse means the node answered itself; otherwise n8n answers (2.x: once stored).
		if (result.workflowData && !result.noWebhookResponse && !held) {
			await new Promise((resolve) => setTimeout(resolve, this.options.storeDelayMs ?? 0));
			if (this.storeFailuresLeft > 0) {
				this.storeFailuresLeft--;
				res.statusCode = 500;
				end(JSON.stringify({ message: 'Error in workflow' }));
				this.answers.push(500);
				return;
			}
		}
		if (result.workflowData) {
			this.answeredBeforeStart.push(held !== undefined);
			this.executions.push(result.workflowData[0]);
		}
		if (held) end(...held);
		else if (!result.noWebhookResponse) {
			res.statusCode = 200;
			end(typeof result.webhookResponse === 'string' ? result.webhookResponse : '');
		}
		this.answers.push(res.statusCode);
	}
}

/** Hosts made in a describe block, each closed after its test; `defaults` are merged under each host's options. */
export function useWebhookHosts(
	defaults: HostOptions = {},
): (options?: HostOptions) => Promise<WebhookHost> {
	const hosts: WebhookHost[] = [];
	afterEach(async () => {
		while (hosts.length) await hosts.pop()!.close();
	});
	return async (options: HostOptions = {}) => {
		const h = new WebhookHost({ ...defaults, ...options });
		await h.listen();
		hosts.push(h);
		return h;
	};
}
