/**
 * Queue mode (`npm run test:e2e:queue`): Redis + PostgreSQL + an n8n main instance + two workers. The order
 * examples run on the workers (started by production webhooks, as scheduled and triggered runs are); a callback
 * burst reaches the main instance's webhook while one worker is stopped (SIGTERM) and restarted: every valid new
 * message is executed exactly once and duplicates are still suppressed.
 */
import { startServer, type PandaPonServer } from '../../packages/local-server/src/app';
import { burst, postAll } from '../../tools/pushBurst';
import { VERSIONS } from '../../tools/n8n/install';
import { N8n, stopProcess, waitFor, type N8nProcess } from '../../tools/n8n/driver';
import { startPostgres, startRedis, type Service } from '../../tools/n8n/services';
import {
	credentialFor,
	loadExample,
	setParameters,
	type WorkflowJson,
} from '../../tools/n8n/workflows';

/** An example whose "Run now" manual trigger is swapped for a Webhook that answers with the last node's output. */
function onWebhook(file: string, id: string, path: string): WorkflowJson {
	const workflow = loadExample(file);
	workflow.id = id;
	const manual = workflow.nodes.find((n) => n.name === 'Run now')!;
	Object.assign(manual, {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
		webhookId: `0b7c9a1e-5d2f-4c3a-9e8b-${id
			.slice(-12)
			.padStart(12, '0')
			.replace(/[^0-9a-f]/gi, '0')}`,
	});
	return workflow;
}

const started = (worker: N8nProcess) =>
	(worker.output.match(/Worker started execution/g) ?? []).length;

describe(`queue mode: n8n ${VERSIONS.v2.n8n}, Redis, PostgreSQL, main + 2 workers`, () => {
	let server: PandaPonServer;
	let redis: Service;
	let postgres: Service;
	let n8n: N8n;
	let notifyUrl: string;
	const workers: N8nProcess[] = [];

	beforeAll(async () => {
		server = await startServer({ seedOrders: 600 });
		redis = await startRedis();
		postgres = await startPostgres('n8n');
		n8n = new N8n(VERSIONS.v2, {
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: '',
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
			},
		});
		n8n.installPackage(process.env.PANDAPON_E2E_TARBALL);
		n8n.importCredentials([credentialFor(server.url, server.keys)]);
		const notify = setParameters(loadExample('callback-notify.json'), 'Send to team chat', {
			url: `${server.url}/__admin/inbox`,
		});
		for (const workflow of [
			onWebhook('purchase.json', 'qPurchase', 'run-purchase'),
			onWebhook('hourly-order-sync.json', 'qSync', 'run-sync'),
			notify,
		]) {
			n8n.importWorkflow(workflow);
			n8n.activate(workflow.id);
		}
		await n8n.start();
		workers.push(await n8n.spawnWorker('worker-1'), await n8n.spawnWorker('worker-2'));
		notifyUrl = await n8n.liveTriggerUrl(notify);
	});

	afterAll(async () => {
		await n8n?.stop();
		await postgres?.stop();
		await redis?.stop();
		await server?.close();
		const per = workers.map((w) => `${w.name}: ${started(w)} executions`).join(', ');
		console.log(`[e2e] queue mode: ${per}`);
	});

	it('runs the purchase and the hourly sync on the workers', async () => {
		const before = workers.reduce((sum, w) => sum + started(w), 0);
		const purchase = await fetch(`${n8n.baseUrl}/webhook/run-purchase`, { method: 'POST' });
		expect(purchase.status).toBe(200);
		const [after] = (await purchase.json()) as Array<{
			status: string;
			idOfStr?: string;
			baseInfo?: { idOfStr: string };
		}>;
		expect(after.status).toBe('waitsellersend');
		const bought = server.store.all()[0];
		expect(bought.payStatus).toBe(2);
		expect(bought.cargo.map((c) => c.productNo).sort()).toEqual([
			'SHOP-1001',
			'SHOP-1002',
			'SHOP-1003',
		]);

		const sync = await fetch(`${n8n.baseUrl}/webhook/run-sync`, { method: 'POST' });
		const rows = (await sync.json()) as Array<Record<string, unknown>>;
		expect(rows.map((r) => r['1688 Order ID'])).toContain(bought.tbOrderId);
		expect(workers.reduce((sum, w) => sum + started(w), 0) - before).toBe(2);
	});

	it('a callback burst with a worker stopped and restarted mid-burst: each valid new message runs exactly once', async () => {
		const url = notifyUrl;
		server.inbox.length = 0;
		const plan = burst(server, 240, { duplicates: 0.1, malformed: 0.05 });
		const firstPart = plan.bodies.slice(0, 80);
		const rest = plan.bodies.slice(80);
		const answers = await postAll(url, firstPart, 8);
		// Stop worker 1 while the queue is busy (SIGTERM, as docker stop or a rolling restart does: n8n lets the
		// executions it holds finish), keep sending, then bring it back.
		const stopping = stopProcess(workers[0].child, 'SIGTERM');
		answers.push(...(await postAll(url, rest, 8)));
		await stopping;
		const restarted = await n8n.spawnWorker('worker-1 (restarted)');
		workers.push(restarted);

		expect(answers.filter((a) => a.status === 200)).toHaveLength(
			plan.bodies.length - plan.malformed,
		);
		await waitFor(
			'every notice',
			async () => server.inbox.length >= plan.uniqueMatching,
			120000,
		).catch((error: Error) => {
			throw new Error(
				`${error.message}: ${server.inbox.length} of ${plan.uniqueMatching} notices arrived`,
			);
		});
		await new Promise((resolve) => setTimeout(resolve, 8000)); // stalled jobs would be re-run within this time
		const notices = server.inbox.map((m) => `${String(m.event)}|${String(m.orderId)}`);
		expect(new Set(notices).size).toBe(plan.uniqueMatching);
		expect(notices).toHaveLength(plan.uniqueMatching);
		console.log(
			`[e2e] burst: ${plan.bodies.length} posts, ${plan.uniqueMatching} unique matching messages, ${notices.length} notices; ${workers.map((w) => `${w.name} ${started(w)}`).join(', ')}`,
		);
	});
});
