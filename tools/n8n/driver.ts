/**
 * Drives a real n8n for the end-to-end runs and the demo: a throwaway user folder, this package installed into it
 * from the packed tarball (as a user installs a community package), credentials and workflows imported by the CLI,
 * workflows executed headless (`execute --id --rawOutput`) or served (`start`) for the trigger.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { CACHE, ROOT, ensureN8n, type Installed, type N8nVersion } from './install';
import { PANDAPON_TRIGGER, type WorkflowJson } from './workflows';

const log = (message: string) => console.log(`[e2e] ${message}`);

/** Builds and packs this package once per process; returns the tarball path. */
let packed: string | undefined;
export function packPackage(): string {
	if (packed) return packed;
	const outDir = path.join(CACHE, 'pack');
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	log('building and packing the package …');
	run('npm', ['run', 'build', '--silent'], ROOT);
	run('npm', ['pack', '--silent', '--pack-destination', outDir], ROOT);
	const tarball = readdirSync(outDir).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	packed = path.join(outDir, tarball);
	return packed;
}

function run(
	command: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv = process.env,
): string {
	const result = spawnSync(command, args, {
		cwd,
		env,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}\n${result.stdout}`.trim(),
		);
	}
	return result.stdout;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface N8nOptions {
	/** Extra environment for every n8n command (queue mode, ports …). */
	env?: Record<string, string>;
	/** Keep the user folder after stop() (the demo's --ui mode). */
	keep?: boolean;
	/** Use this user folder instead of a fresh temporary one. */
	userFolder?: string;
}

export interface RunOutput {
	/** Output items (json) of each node, first run, main output 0. */
	nodes: Record<string, Array<Record<string, unknown>>>;
	/** Milliseconds each node took. */
	timings: Record<string, number>;
	error?: { message: string; node?: string; description?: string };
	raw: unknown;
}

export class N8n {
	readonly installed: Installed;
	readonly userFolder: string;
	readonly env: NodeJS.ProcessEnv;
	private server?: ChildProcess;
	readonly workers: N8nProcess[] = [];
	private serverLog = '';
	port = 0;

	constructor(
		readonly version: N8nVersion,
		private readonly options: N8nOptions = {},
	) {
		this.installed = ensureN8n(version);
		this.userFolder =
			options.userFolder ?? mkdtempSync(path.join(os.tmpdir(), `pandapon-n8n-${version.key}-`));
		this.env = {
			...process.env,
			PATH: `${this.installed.nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
			// 1.x starts task runners (for Code nodes) only when asked; 2.x always does and warns about the variable.
			...(version.key === 'v1' ? { N8N_RUNNERS_ENABLED: 'true' } : {}),
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			// Community nodes as AI-agent tools (required on 1.x).
			N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
			N8N_ENCRYPTION_KEY: 'pandapon-e2e-encryption-key',
			DB_SQLITE_POOL_SIZE: '2',
			...options.env,
		};
		// Remove inherited settings that would change which n8n or which database we talk to.
		delete this.env.NODE_OPTIONS;
		// Jest sets NODE_ENV=test, which makes n8n skip community packages and silence its output.
		delete this.env.NODE_ENV;
		delete this.env.JEST_WORKER_ID;
		delete this.env.N8N_CUSTOM_EXTENSIONS;
	}

	get label(): string {
		return `n8n ${this.version.n8n}`;
	}

	/** Installs the packed package into <user folder>/.n8n/nodes, as n8n's Community Nodes installer does. */
	installPackage(tarball = packPackage()): void {
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }),
		);
		writeFileSync(
			path.join(nodesDir, '.npmrc'),
			'fund=false\naudit=false\nupdate-notifier=false\n',
		);
		run(
			'npm',
			['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball],
			nodesDir,
			this.env,
		);
	}

	/** Runs one n8n CLI command and returns its stdout. */
	cli(args: string[], env: Record<string, string> = {}): string {
		return run(
			path.join(this.installed.nodeBin, 'node'),
			[this.installed.n8nBin, ...args],
			this.userFolder,
			{
				...this.env,
				...env,
			},
		);
	}

	private writeTemp(name: string, body: unknown): string {
		const file = path.join(this.userFolder, name);
		writeFileSync(file, JSON.stringify(body, null, 2));
		return file;
	}

	importCredentials(credentials: object[]): void {
		this.cli(['import:credentials', `--input=${this.writeTemp('credentials.json', credentials)}`]);
	}

	importWorkflow(workflow: { id: string }): void {
		this.cli([
			'import:workflow',
			`--input=${this.writeTemp(`workflow-${workflow.id}.json`, workflow)}`,
		]);
	}

	/** Takes a workflow's triggers off again (from the next `start`). */
	deactivate(id: string): void {
		if (this.version.key === 'v1') this.cli(['update:workflow', `--id=${id}`, '--active=false']);
		else this.cli(['unpublish:workflow', `--id=${id}`]);
	}

	/** Makes a workflow's triggers live at the next `start` (the CLI differs between 1.x and 2.x). */
	activate(id: string): void {
		if (this.version.key === 'v1') this.cli(['update:workflow', `--id=${id}`, '--active=true']);
		else this.cli(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * Executes an imported workflow headless and returns what each node produced. Asynchronous on purpose: the
	 * local PandaPon server usually lives in the calling process and must keep answering meanwhile. `nodeArgs` go to
	 * the Node that runs n8n (the bench's `--cpu-prof`).
	 */
	async execute(id: string, nodeArgs: string[] = []): Promise<RunOutput> {
		const { code, stdout, stderr } = await spawnAsync(
			path.join(this.installed.nodeBin, 'node'),
			[...nodeArgs, this.installed.n8nBin, 'execute', `--id=${id}`, '--rawOutput'],
			// The CLI prints the run through its logger, so the level must let "info" through.
			{
				cwd: this.userFolder,
				env: {
					...this.env,
					N8N_LOG_LEVEL: 'info',
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				},
			},
		);
		// The run is printed as indented JSON from a line "{" to a line "}"; a failed run prints more after it.
		const printed = /^\{$[\s\S]*?^\}$/m.exec(stdout);
		if (!printed) {
			// A failed run prints the error, not the run data.
			const text = `${stdout}\n${stderr}`;
			const message =
				/Execution error:\n([^\n]+)/.exec(text)?.[1] ?? text.trim().split('\n').slice(-3).join(' ');
			return { nodes: {}, timings: {}, error: { message, description: `exit ${code}` }, raw: text };
		}
		const raw = JSON.parse(printed[0]) as {
			data?: {
				resultData?: {
					runData?: Record<string, RunEntry[]>;
					error?: { message: string; description?: string; node?: { name: string } };
				};
			};
		};
		const resultData = raw.data?.resultData ?? {};
		const nodes: RunOutput['nodes'] = {};
		const timings: RunOutput['timings'] = {};
		for (const [name, runs] of Object.entries(resultData.runData ?? {})) {
			nodes[name] = (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
			timings[name] = runs[0]?.executionTime ?? 0;
		}
		const error = resultData.error
			? {
					message: resultData.error.message,
					description: resultData.error.description,
					node: resultData.error.node?.name,
				}
			: undefined;
		return { nodes, timings, error, raw };
	}

	/**
	 * Starts another n8n process on the same user folder and database (`n8n worker` in queue mode). Its output is
	 * kept so tests can count what it ran.
	 */
	async spawnWorker(name: string, extraEnv: Record<string, string> = {}): Promise<N8nProcess> {
		let output = '';
		const child = await this.launch(
			['worker', '--concurrency=5'],
			{ N8N_LOG_LEVEL: 'info', QUEUE_HEALTH_CHECK_ACTIVE: 'false', ...extraEnv },
			(text) => {
				output += text;
			},
		);
		const worker: N8nProcess = {
			name,
			child,
			get output() {
				return output;
			},
		};
		this.workers.push(worker);
		await waitFor(`${name} to start`, async () => {
			if (child.exitCode !== null) throw new Error(`${name} exited:\n${output.slice(-3000)}`);
			return /n8n worker is now ready|Worker started/i.test(output);
		});
		return worker;
	}

	/** Spawns a long-running n8n command (start, worker) on this user folder; its stdout and stderr go to onOutput. */
	private async launch(
		command: string[],
		env: Record<string, string>,
		onOutput: (text: string) => void,
	): Promise<ChildProcess> {
		const child = spawn(
			path.join(this.installed.nodeBin, 'node'),
			[this.installed.n8nBin, ...command],
			{
				cwd: this.userFolder,
				env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		child.stdout.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
		return child;
	}

	/** Starts `n8n start` on a free port and waits until it answers. */
	async start(extraEnv: Record<string, string> = {}): Promise<void> {
		this.port = Number(extraEnv.N8N_PORT ?? this.options.env?.N8N_PORT ?? (await freePort()));
		this.serverLog = '';
		this.server = await this.launch(
			['start'],
			{ N8N_PORT: String(this.port), N8N_LISTEN_ADDRESS: '127.0.0.1', ...extraEnv },
			(text) => {
				this.serverLog = (this.serverLog + text).slice(-20000);
			},
		);
		await waitFor(`${this.label} on port ${this.port}`, async () => {
			if (this.server?.exitCode !== null)
				throw new Error(`${this.label} exited:\n${this.serverLog}`);
			const response = await fetch(`http://127.0.0.1:${this.port}/healthz/readiness`).catch(
				() => undefined,
			);
			return response?.status === 200;
		});
	}

	/**
	 * The production URL of the PandaPon Trigger in an active workflow, once it answers the console's Verify call
	 * (GET): n8n answers its health check before it has registered the active workflows' webhooks.
	 */
	async liveTriggerUrl(workflow: WorkflowJson, timeoutMs = 60000): Promise<string> {
		const trigger = workflow.nodes.find((node) => node.type === PANDAPON_TRIGGER);
		if (!trigger) throw new Error(`workflow ${workflow.id} has no PandaPon Trigger`);
		const url = `${this.baseUrl}/webhook/${String(trigger.webhookId)}/pandapon`;
		await waitFor(
			`the trigger of ${workflow.id}`,
			async () => (await fetch(url)).status === 200,
			timeoutMs,
		);
		return url;
	}

	/**
	 * The production URL of an active workflow's n8n Webhook node (POST), once n8n answers it. Waiting posts an
	 * empty body, which the Verify Push operation passes on as nothing (the console's Verify call).
	 */
	async liveWebhookUrl(workflow: WorkflowJson, timeoutMs = 60000): Promise<string> {
		const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
		if (!webhook) throw new Error(`workflow ${workflow.id} has no Webhook node`);
		const url = `${this.baseUrl}/webhook/${String(webhook.parameters.path)}`;
		await waitFor(
			`the webhook of ${workflow.id}`,
			async () =>
				(
					await fetch(url, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body: '',
					})
				).status === 200,
			timeoutMs,
		);
		return url;
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get log(): string {
		return this.serverLog;
	}

	async stopServer(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server) await stopProcess(server);
	}

	async stop(): Promise<void> {
		for (const worker of this.workers) await stopProcess(worker.child);
		await this.stopServer();
		if (!this.options.keep && !this.options.userFolder)
			rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * Runs a command without blocking this process. Output goes to files, not pipes: n8n's CLI exits right after
 * printing, and output still queued on a pipe would be lost.
 */
function spawnAsync(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'pandapon-cli-'));
	const outFile = path.join(dir, 'stdout');
	const errFile = path.join(dir, 'stderr');
	const out = openSync(outFile, 'w');
	const err = openSync(errFile, 'w');
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', out, err] });
		const finish = () => {
			closeSync(out);
			closeSync(err);
		};
		child.once('error', (error) => {
			finish();
			reject(error);
		});
		child.once('close', (code) => {
			finish();
			const result = {
				code,
				stdout: readFileSync(outFile, 'utf8'),
				stderr: readFileSync(errFile, 'utf8'),
			};
			rmSync(dir, { recursive: true, force: true });
			resolve(result);
		});
	});
}

interface RunEntry {
	executionTime?: number;
	data?: { main?: Array<Array<{ json: Record<string, unknown> }>> };
}

export interface N8nProcess {
	name: string;
	child: ChildProcess;
	/** Everything it printed so far. */
	readonly output: string;
}

export async function stopProcess(
	child: ChildProcess,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise<void>((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill(signal);
	});
}

export async function waitFor(
	what: string,
	check: () => Promise<boolean>,
	timeoutMs = 120000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
