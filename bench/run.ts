/**
 * `npm run bench`: measured figures, each a ratio against a baseline run in the same process and the same minute,
 * printed as a table and written to bench/RESULTS.md with the machine they ran on. Not part of the tests.
 *
 *   npm run bench                 everything (the real-n8n parts install n8n 2.x on first use)
 *   npm run bench -- --quick      smaller counts, no real n8n (a smoke run)
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { pandaponWorkflow, runWorkflow } from '../test/harness/engine';
import { startServer, type PandaPonServer } from '../test/server/app';
import { buildAuthHeaders } from '../nodes/PandaPon/transport/signature';
import { parseJson, losslessJsonImplementation } from '../nodes/PandaPon/transport/json';
import { ORDER_STATUS } from '../test/server/store';
import { burst, postAll } from '../test/e2e/callbacks';
import { VERSIONS } from '../test/e2e/install';
import { N8n, waitFor } from '../test/e2e/n8n';
import { credentialFor, loadExample, setParameters, type WorkflowJson } from '../test/e2e/workflows';

const quick = process.argv.includes('--quick');
const N_CALLS = quick ? 200 : 1000;
const N_ORDERS = quick ? 2000 : 10_000;
const N_BULK = quick ? 200 : 1000;
const N_BURST = quick ? 100 : 500;
const REPEATS = quick ? 1 : 3;

interface Row {
	figure: string;
	subject: string;
	baseline: string;
	ratio: string;
	target: string;
	ok: string;
	notes: string;
}
const rows: Row[] = [];
const log = (message: string) => console.log(`[bench] ${message}`);
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return performance.now() - started;
}

/** Runs subject and baseline alternately REPEATS times after a warm-up each; returns the medians. */
async function compare(subject: () => Promise<unknown>, baseline: () => Promise<unknown>) {
	await subject();
	await baseline();
	const a: number[] = [];
	const b: number[] = [];
	for (let i = 0; i < REPEATS; i++) {
		a.push(await timeIt(subject));
		b.push(await timeIt(baseline));
	}
	return { subject: median(a), baseline: median(b) };
}

function credentials(server: PandaPonServer) {
	return { ...server.keys, baseUrl: server.url, timestampUnit: 'seconds', signNonce: true };
}

/** The hand-written client: sign, POST, read the text, parse losslessly, check the envelope. */
async function bareCall(server: PandaPonServer, path: string, body: object) {
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...buildAuthHeaders(server.keys) },
		body: JSON.stringify(body),
	});
	const envelope = parseJson(await response.text()) as { code: number; data: { data: unknown[]; total: number } };
	if (envelope.code !== 200) throw new Error(`bare call refused: ${JSON.stringify(envelope)}`);
	return envelope.data;
}

async function perRequestCost(server: PandaPonServer) {
	log(`1. ${N_CALLS} list calls: node (n8n-core engine) vs a bare signed fetch loop`);
	const items = Array.from({ length: N_CALLS }, (_, i) => ({ i }));
	const workflow = pandaponWorkflow({ parameters: { resource: 'order', operation: 'getAll', returnAll: false, limit: 1, simplify: false }, items });
	const creds = { pandaPonApi: credentials(server) };
	const result = await compare(
		async () => {
			const run = await runWorkflow(workflow, creds);
			if (run.error || run.output().length !== N_CALLS) throw new Error(`node run failed: ${run.error?.message}`);
		},
		async () => {
			for (let i = 0; i < N_CALLS; i++) await bareCall(server, '/v2/alibaba/order/page', { pageNum: 1, pageSize: 1 });
		},
	);
	const ratio = result.subject / result.baseline;
	rows.push({
		figure: `Per-request cost, ${N_CALLS} list calls`,
		subject: `node ${ms(result.subject)} (${(result.subject / N_CALLS).toFixed(2)} ms/call)`,
		baseline: `bare fetch loop ${ms(result.baseline)} (${(result.baseline / N_CALLS).toFixed(2)} ms/call)`,
		ratio: `${ratio.toFixed(2)}×`,
		target: '≤ 1.15×',
		ok: ratio <= 1.15 ? 'yes' : 'no',
		notes: 'sequential, loopback; node = n8n-core WorkflowExecute + httpRequestWithAuthentication (axios) + lossless parse + output items',
	});
}

async function returnAll(server: PandaPonServer) {
	log(`3. Return All of ${N_ORDERS} orders: node vs a bare paged fetch (page size 100)`);
	const creds = { pandaPonApi: credentials(server) };
	const workflow = pandaponWorkflow({ parameters: { resource: 'order', operation: 'getAll', returnAll: true, simplify: true, options: { pageSize: 100 } } });
	const peak = async (fn: () => Promise<unknown>) => {
		global.gc?.();
		const base = process.memoryUsage().heapUsed;
		let top = base;
		const timer = setInterval(() => (top = Math.max(top, process.memoryUsage().heapUsed)), 5);
		const took = await timeIt(fn);
		clearInterval(timer);
		top = Math.max(top, process.memoryUsage().heapUsed);
		return { took, peakMb: (top - base) / 1024 / 1024 };
	};
	let count = 0;
	const node = async () => {
		const run = await runWorkflow(workflow, creds);
		count = run.output().length;
	};
	const bare = async () => {
		const all: unknown[] = [];
		for (let page = 1; ; page++) {
			const data = await bareCall(server, '/v2/alibaba/order/page', { pageNum: page, pageSize: 100 });
			all.push(...data.data);
			if (data.data.length < 100) break;
		}
		return all;
	};
	await node();
	await bare();
	const a = await peak(node);
	const b = await peak(bare);
	if (count !== N_ORDERS) throw new Error(`Return All gave ${count} orders, expected ${N_ORDERS}`);
	rows.push({
		figure: `Return All, ${N_ORDERS} orders (${N_ORDERS / 100} pages)`,
		subject: `node ${ms(a.took)}, heap peak +${a.peakMb.toFixed(0)} MB`,
		baseline: `bare paged fetch ${ms(b.took)}, heap peak +${b.peakMb.toFixed(0)} MB`,
		ratio: `${(a.took / b.took).toFixed(2)}× time, ${(a.peakMb / Math.max(1, b.peakMb)).toFixed(1)}× memory`,
		target: '—',
		ok: '—',
		notes: 'node output simplified (yuan fields, parsed JSON-text fields) into n8n items; bare keeps raw rows; heap sampled every 5 ms',
	});
}

async function bulk(server: PandaPonServer) {
	log(`4. Bulk cancel of ${N_BULK} orders: Requests in Parallel 5 and 10 vs 1 (serial), 20 ms server latency`);
	const creds = { pandaPonApi: credentials(server) };
	const make = () =>
		Array.from({ length: N_BULK }, () => ({
			id: server.store.create({
				flow: 'general',
				address: { fullName: 'z', mobile: '1', phone: '1', provinceText: 'p', cityText: 'c', townText: 't', address: 'a' },
				cargo: [{ offerMapId: 'L0PTnwSnx_dWNZWCtgK7Gg', specId: 'e61a85a671bb3d0301d0412b51641c6b', quantity: 1, sellerOpenId: 'BBBgGWh2O6JFI6v1aQuZVgRIA' }],
			}).tbOrderId,
		}));
	const cancel = async (concurrency: number) => {
		const items = make();
		server.setFaults([{ path: '/v2/alibaba/order/cancel', kind: 'latency', delayMs: 20, times: -1 }]);
		server.resetStats();
		const took = await timeIt(async () => {
			const run = await runWorkflow(pandaponWorkflow({ parameters: { resource: 'order', operation: 'cancel', orderId: '={{ $json.id }}', cancelReason: 'buyerCancel', concurrency }, items }), creds);
			if (run.error) throw new Error(run.error.message);
		});
		server.clearFaults();
		const cancelled = items.filter((i) => server.store.get(i.id)!.orderStatus === ORDER_STATUS.cancelled).length;
		if (cancelled !== N_BULK || server.count('POST /v2/alibaba/order/cancel') !== N_BULK) throw new Error('bulk cancel lost or repeated a request');
		return { took, peak: server.stats.peakInFlight };
	};
	const serial = await cancel(1);
	for (const n of [5, 10]) {
		const parallel = await cancel(n);
		rows.push({
			figure: `Bulk cancel, ${N_BULK} orders`,
			subject: `Requests in Parallel ${n}: ${ms(parallel.took)} (peak ${parallel.peak} in flight)`,
			baseline: `serial (default 1): ${ms(serial.took)} (peak ${serial.peak})`,
			ratio: `${(serial.took / parallel.took).toFixed(2)}× faster`,
			target: 'faster than serial',
			ok: parallel.took < serial.took ? 'yes' : 'no',
			notes: `each order cancelled exactly once (server count = ${N_BULK}); 20 ms injected latency stands in for the network`,
		});
	}
}

function signingCode(server: PandaPonServer): string {
	// What a user would paste into a Code node to sign each request without this package.
	return `const crypto = require('crypto');
const accessKey = '${server.keys.accessKey}';
const secret = $('Keys').first().json.secret;
return $input.all().map((item) => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = crypto.randomBytes(16).toString('hex');
  const signature = crypto.createHash('md5').update(accessKey + timestamp + nonce + secret).digest('hex').toUpperCase();
  return { json: { ...item.json, timestamp, nonce, signature } };
});`;
}

async function realN8n(server: PandaPonServer) {
	const n8n = new N8n(VERSIONS.v2, {
		env: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto', N8N_RUNNERS_TASK_TIMEOUT: '600' },
	});
	try {
		n8n.installPackage();
		n8n.importCredentials([credentialFor(server.url, server.keys)]);
		log(`2. real n8n ${VERSIONS.v2.n8n}: ${N_CALLS} list calls, PandaPon node vs HTTP Request + a signing Code node`);
		const ids = JSON.stringify({ ids: Array.from({ length: N_CALLS }, (_, i) => i) });
		const head = (id: string, nodes: WorkflowJson['nodes'], connections: Record<string, string>) => ({
			id,
			name: id,
			nodes: [
				{ name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ name: 'Keys', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [150, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ secret: server.keys.accessSecret, ...JSON.parse(ids) }), options: {} } },
				{ name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [300, 0], parameters: { fieldToSplitOut: 'ids', options: {} } },
				...nodes,
			],
			connections: Object.fromEntries(
				Object.entries({ 'Run now': 'Keys', Keys: 'Items', ...connections }).map(([from, to]) => [from, { main: [[{ node: to, type: 'main', index: 0 }]] }]),
			),
			settings: { executionOrder: 'v1' },
			active: false,
		});
		const nodeWf = head(
			'benchNode',
			[{ name: 'PandaPon', type: 'n8n-nodes-pandapon.pandaPon', typeVersion: 1, position: [450, 0], parameters: { resource: 'order', operation: 'getAll', returnAll: false, limit: 1, simplify: false }, credentials: { pandaPonApi: { id: 'pandaponAccount1', name: 'PandaPon account' } } }],
			{ Items: 'PandaPon' },
		);
		const httpWf = head(
			'benchHttp',
			[
				{ name: 'Sign', type: 'n8n-nodes-base.code', typeVersion: 2, position: [450, 0], parameters: { jsCode: signingCode(server) } },
				{
					name: 'HTTP Request',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [600, 0],
					parameters: {
						method: 'POST',
						url: `${server.url}/v2/alibaba/order/page`,
						sendHeaders: true,
						headerParameters: {
							parameters: [
								{ name: 'access-key', value: server.keys.accessKey },
								{ name: 'user-id', value: server.keys.userId },
								{ name: 'timestamp', value: '={{ $json.timestamp }}' },
								{ name: 'nonce-str', value: '={{ $json.nonce }}' },
								{ name: 'signature', value: '={{ $json.signature }}' },
							],
						},
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '{"pageNum": 1, "pageSize": 1}',
						options: { response: { response: { responseFormat: 'text' } } },
					},
				},
			],
			{ Items: 'Sign', Sign: 'HTTP Request' },
		);
		n8n.importWorkflow(nodeWf as never);
		n8n.importWorkflow(httpWf as never);
		const nodeTimes: number[] = [];
		const httpTimes: number[] = [];
		for (let i = 0; i < REPEATS + 1; i++) {
			server.resetStats();
			const a = await n8n.execute('benchNode');
			if (a.error || (a.nodes.PandaPon ?? []).length !== N_CALLS) throw new Error(`node workflow: ${a.error?.message ?? 'wrong count'}`);
			if (server.count() !== N_CALLS) throw new Error('node workflow sent a wrong number of requests');
			const b = await n8n.execute('benchHttp');
			if (b.error || (b.nodes['HTTP Request'] ?? []).length !== N_CALLS) throw new Error(`HTTP workflow: ${b.error?.message ?? 'wrong count'}`);
			if ((b.nodes['HTTP Request'] ?? []).some((item) => !String(item.data ?? '').includes('"code":200'))) throw new Error('HTTP workflow: a signed call was refused');
			if (i === 0) continue; // warm-up
			nodeTimes.push(a.timings.PandaPon);
			httpTimes.push(b.timings.Sign + b.timings['HTTP Request']);
		}
		const node = median(nodeTimes);
		const http = median(httpTimes);
		rows.push({
			figure: `Real n8n ${VERSIONS.v2.n8n}, ${N_CALLS} list calls`,
			subject: `PandaPon node ${ms(node)}`,
			baseline: `Code (sign) + HTTP Request ${ms(http)}`,
			ratio: `${(http / node).toFixed(2)}× faster`,
			target: '≥ 2× faster',
			ok: http / node >= 2 ? 'yes' : 'no',
			notes: "node execution times from n8n's run data (start-up excluded); the baseline reads the body as text (ids kept exact) and does not check the envelope",
		});

		log(`5. trigger burst: ${N_BURST} callbacks (10 % duplicates, 5 % malformed) into n8n's production webhook`);
		const notify = setParameters(loadExample('callback-notify.json'), 'Send to team chat', { url: `${server.url}/__admin/inbox` });
		n8n.importWorkflow(notify);
		n8n.activate(notify.id);
		await n8n.start();
		const url = `${n8n.baseUrl}/webhook/${String(notify.nodes[0].webhookId)}/pandapon`;
		await waitFor('the trigger webhook', async () => (await fetch(url)).status === 200, 60000);
		for (const [senders, offset] of [[10, 0], [1, N_BURST]] as const) {
			server.inbox.length = 0;
			const plan = burst(server, N_BURST, { duplicates: 0.1, malformed: 0.05, offset });
			const answers = await postAll(url, plan.bodies, senders);
			await waitFor('the executions', async () => server.inbox.length >= plan.uniqueMatching, 120000).catch(() => undefined);
			await new Promise((resolve) => setTimeout(resolve, 2000));
			const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
			const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
			const unique = new Set(server.inbox.map((m) => `${String(m.event)}|${String(m.orderId)}`)).size;
			const good = server.inbox.length === plan.uniqueMatching && unique === plan.uniqueMatching;
			rows.push({
				figure: `Trigger burst, ${N_BURST} callbacks (${senders} sender${senders > 1 ? 's' : ''} at a time)`,
				subject: `answer p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms`,
				baseline: `${plan.uniqueMatching} unique matching messages → ${server.inbox.length} executions (${unique} distinct)`,
				ratio: '—',
				target: 'p99 < 100 ms; executions = unique',
				ok: p(0.99) < 100 && good ? 'yes' : `${p(0.99) < 100 ? 'latency yes' : 'latency no'}, ${good ? 'count yes' : 'count no'}`,
				notes: `${plan.duplicates} duplicates and ${plan.malformed} malformed (answered ${answers.filter((a) => a.status >= 400).length}× 4xx); non-matching types answered 200 without an execution`,
			});
		}
	} finally {
		await n8n.stop();
	}
}

function report(started: number) {
	const cpu = os.cpus()[0];
	const header = '| Figure | Subject | Baseline | Ratio | Target | Met | Notes |\n|---|---|---|---|---|---|---|';
	const table = [header, ...rows.map((r) => `| ${r.figure} | ${r.subject} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.ok} | ${r.notes} |`)].join('\n');
	const machine = `${os.cpus().length} × ${cpu?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version} (lossless JSON: ${losslessJsonImplementation}), n8n ${VERSIONS.v2.n8n} on Node ${VERSIONS.v2.nodeMajor}`;
	console.log(`\n${table}\n\nMachine: ${machine}\nTook ${((Date.now() - started) / 1000).toFixed(0)} s${quick ? ' (--quick)' : ''}.`);
	if (!quick) {
		const file = path.join(__dirname, 'RESULTS.md');
		writeFileSync(
			file,
			`# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Every ratio compares two runs made in the same process, one after the other (median of ${REPEATS} after a warm-up).\n\nMachine: ${machine}.\n\n${table}\n\n## What limits each figure\n\n${LIMITS}\n`,
		);
		log(`written ${file}`);
	}
}

const LIMITS = `- **Per-request cost**: loopback HTTP to a server in the same process, so the fixed cost of n8n's request path
  (axios via \`httpRequestWithAuthentication\`, the credential's \`authenticate\`, item bookkeeping) is the whole
  difference; against the real API, network time (tens of ms) dwarfs it.
- **Real n8n vs HTTP Request + Code**: both sides exclude n8n's start-up (node execution times from the run data). The
  Code node runs in n8n's task runner, which is most of the baseline's cost; the baseline also skips envelope checks.
- **Return All**: time is dominated by JSON parsing and building n8n items; memory is the V8 heap peak above the start,
  sampled every 5 ms (a lower bound), and includes the output items the workflow keeps.
- **Bulk cancel**: the injected 20 ms latency per request models the network; on loopback without it the gain is small.
  PandaPon publishes no rate limit, so the default stays 1.
- **Trigger**: 10 senders on loopback to one n8n main process (SQLite); the answer time is n8n's webhook path plus the
  node's parse/filter/dedupe. Executions are counted by the notices the workflow posts to the local server.`;

async function main() {
	const started = Date.now();
	const server = await startServer({ seedOrders: Math.max(N_ORDERS, 2 * N_BURST), quiet: true });
	try {
		await perRequestCost(server);
		await returnAll(server);
		await bulk(server);
		if (!quick) await realN8n(server);
	} finally {
		await server.close();
	}
	report(started);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
