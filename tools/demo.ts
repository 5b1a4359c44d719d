/**
 * `npm run demo`: the package's main job, end to end, with no PandaPon account and no money. Builds and packs the
 * package, starts the local PandaPon server and a real n8n (installed on first use), runs the purchase, receive
 * and hourly-sync examples and prints what each step did.
 *
 *   npm run demo                 2.x, report, then stop
 *   npm run demo -- --n8n v1     the same on n8n 1.x
 *   npm run demo -- --ui         keep n8n running at http://localhost:5678 with the examples loaded
 */
import { startServer, type PandaPonServer } from '../packages/local-server/src/app';
import { VERSIONS } from './n8n/install';
import { N8n, type RunOutput } from './n8n/driver';
import { credentialFor, exampleFiles, loadExample, setParameters } from './n8n/workflows';

const args = process.argv.slice(2);
const ui = args.includes('--ui');
const versionKey = (
	args[args.indexOf('--n8n') + 1] === 'v1' && args.includes('--n8n') ? 'v1' : 'v2'
) as 'v1' | 'v2';
const OWNER = {
	email: 'demo@pandapon.local',
	password: 'PandaPon-demo-1',
	firstName: 'Demo',
	lastName: 'Buyer',
};

const yuan = (fen: unknown) => `${(Number(fen) / 100).toFixed(2)} CNY`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function step(title: string, run: RunOutput, ms: number, lines: string[]) {
	console.log(`\n▶ ${title}  (${seconds(ms)}; ${Object.keys(run.nodes).length} nodes ran)`);
	for (const line of lines) console.log(`   ${line}`);
	if (run.error) console.log(`   ✖ failed in ${run.error.node ?? '?'}: ${run.error.message}`);
}

async function timed(n8n: N8n, id: string): Promise<[RunOutput, number]> {
	const started = Date.now();
	const run = await n8n.execute(id);
	return [run, Date.now() - started];
}

async function main() {
	const version = VERSIONS[versionKey];
	const started = Date.now();
	console.log(
		`PandaPon demo: local PandaPon server + n8n ${version.n8n} (Node ${version.nodeMajor})`,
	);
	const server: PandaPonServer = await startServer({ seedOrders: 1000, port: ui ? 8787 : 0 });
	console.log(`local PandaPon server: ${server.url} (${server.store.size} seeded orders)`);
	const n8n = new N8n(version, { keep: ui });
	let failed = false;
	try {
		n8n.installPackage();
		console.log(`n8n user folder: ${n8n.userFolder} (package installed from the packed tarball)`);
		n8n.importCredentials([credentialFor(server.url, server.keys)]);

		n8n.importWorkflow(loadExample('purchase.json'));
		const [purchase, purchaseMs] = await timed(n8n, 'ppPurchase');
		const preview = purchase.nodes['Preview price']?.[0] as
			| { orderPreviewResuslt?: Array<Record<string, number>> }
			| undefined;
		const priced = preview?.orderPreviewResuslt?.[0] ?? {};
		const created = purchase.nodes['Create order']?.[0] ?? {};
		const orderId = String(created.orderId ?? '');
		const after = purchase.nodes['Order after payment']?.[0] ?? {};
		step('Purchase (examples/purchase.json)', purchase, purchaseMs, [
			`${purchase.nodes['One item per row']?.length ?? 0} sheet rows → 1 order for seller BBBgGWh2O6JFI6v1aQuZVgRIA`,
			`preview: goods ${yuan(priced.sumPaymentNoCarriage)} + shipping ${yuan(priced.sumCarriage)} = ${yuan(priced.sumPayment)} (budget 1,000.00 CNY: ${purchase.nodes['Create order'] ? 'within' : 'over, stopped'})`,
			`created 1688 order ${orderId || '—'} and submitted it for payment`,
			`order status now: ${String(after.status ?? '—')}`,
		]);
		failed ||= Boolean(purchase.error) || !orderId;

		if (orderId) {
			server.store.ship(orderId);
			console.log(
				`\n… the seller ships order ${orderId} (local server: /__admin/orders/${orderId}/ship)`,
			);
			n8n.importWorkflow(
				setParameters(loadExample('receive.json'), 'Orders that arrived', {
					assignments: {
						assignments: [{ id: 'o1', name: 'orderId', value: orderId, type: 'string' }],
					},
				}),
			);
			const [receive, receiveMs] = await timed(n8n, 'ppReceive');
			const tracking = receive.nodes['Get logistics']?.[0] as
				| {
						parcels?: Array<{
							logisticsCompanyName?: string;
							logisticsBillNo?: string;
							logisticsSteps?: Array<{ remark?: string }>;
						}>;
				  }
				| undefined;
			const parcel = tracking?.parcels?.[0];
			step('Goods arrived (examples/receive.json)', receive, receiveMs, [
				`receipt confirmed: ${String(receive.nodes['Confirm receipt']?.[0]?.confirmed ?? '—')}`,
				`parcel ${parcel?.logisticsBillNo ?? '—'} (${parcel?.logisticsCompanyName ?? '—'}), last step: ${parcel?.logisticsSteps?.at(-1)?.remark ?? '—'}`,
				`order status now: ${server.store.get(orderId)?.orderStatus === 4 ? 'received (confirm_goods)' : String(server.store.get(orderId)?.orderStatus)}`,
			]);
			failed ||= Boolean(receive.error);
		}

		n8n.importWorkflow(loadExample('hourly-order-sync.json'));
		const [sync, syncMs] = await timed(n8n, 'ppHourlyOrderSync');
		const rows = sync.nodes['Sheet rows'] ?? [];
		step('Hourly order sync (examples/hourly-order-sync.json)', sync, syncMs, [
			`${rows.length} order(s) created in the last hour → sheet rows:`,
			...rows
				.slice(0, 5)
				.map(
					(r) =>
						`  ${String(r['1688 Order ID'])}  ${String(r.Created)}  ${String(r['Total (CNY)'])} CNY  ${String(r.Status)} / ${String(r.Payment)}`,
				),
		]);
		failed ||= Boolean(sync.error) || rows.length === 0;

		const signed = server.count();
		console.log(
			`\n${failed ? '✖ demo finished with errors' : '✔ demo finished'} in ${seconds(Date.now() - started)}; the local server received ${signed} signed requests, all checked.`,
		);

		if (ui) await serveUi(n8n, server);
	} finally {
		if (!ui) {
			await n8n.stop();
			await server.close();
		}
	}
	if (failed) process.exitCode = 1;
}

/** --ui: the examples loaded in a running n8n, the trigger live and the local server pushing to it. */
async function serveUi(n8n: N8n, server: PandaPonServer) {
	const notify = setParameters(loadExample('callback-notify.json'), 'Send to team chat', {
		url: `${server.url}/__admin/inbox`,
	});
	n8n.importWorkflow(notify);
	// Every example is there to open; only the push trigger is active (the others run by hand, with Run now).
	for (const file of exampleFiles().filter((name) => name !== 'callback-notify.json'))
		n8n.importWorkflow(loadExample(file));
	n8n.activate(notify.id);
	await n8n.start({ N8N_PORT: '5678' });
	const webhook = await n8n.liveTriggerUrl(notify);
	server.callbacks.url = webhook;
	const setup = await fetch(`${n8n.baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	console.log(`
n8n is running at http://localhost:5678 ${setup.ok ? '' : `(owner set-up answered ${setup.status}: create the owner in the browser)`}
  log in:    ${OWNER.email} / ${OWNER.password}
  workflows: every example in examples/ (${exampleFiles().length}); callback → notice is active
  PandaPon:  the credential "PandaPon account" points at the local server ${server.url}
  callbacks: the local server pushes order events to ${webhook};
             notices land at ${server.url}/__admin/inbox
Press Ctrl+C to stop.`);
	const stop = async () => {
		await n8n.stopServer();
		await server.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
