/**
 * What the fail-closed suites (test/actions/failClosed/) share: the probe tally each prints at its end (promise,
 * probes tried, failed), the paths they count requests on, and one local server with 200 seeded orders and a 1 s
 * Request Timeout, its faults and counters cleared before each test.
 */
import type { IDataObject } from 'n8n-workflow';

import { ORDER_STATUS } from '../../packages/local-server/src/store';
import { useLocalServer } from './localServer';
import { ADDRESS, orderParams, sampleLine } from './orderFixtures';

export const CREATE = 'POST /v2/alibaba/order/batch/create';
export const PAY = 'POST /alibaba/order/batch/submit/to/pay';
export const CANCEL = 'POST /v2/alibaba/order/cancel';
export const LIST = 'POST /v2/alibaba/order/page';

/**
 * The probe runner of one test file (call it at the file's top level): a probe that throws (an expectation that did
 * not hold) counts as failed; the table is printed after the file's tests.
 */
export function probeTally() {
	const tally = new Map<string, { tried: number; failed: number }>();
	afterAll(() => {
		const rows = [...tally].map(
			([promise, { tried, failed }]) => `| ${promise} | ${tried} | ${failed} |`,
		);
		console.log(['| promise | probes | failed |', '| --- | --- | --- |', ...rows].join('\n'));
	});
	return async function probe(promise: string, run: () => Promise<void> | void): Promise<void> {
		const row = tally.get(promise) ?? { tried: 0, failed: 0 };
		tally.set(promise, row);
		row.tried++;
		try {
			await run();
		} catch (error) {
			row.failed++;
			throw error;
		}
	};
}

/** The local server and the order helpers of a fail-closed suite (call it inside the file's describe). */
export function useFailClosed() {
	const local = useLocalServer({ seedOrders: 200 }, { timeoutSeconds: 1 });
	const server = () => local.server;
	beforeEach(() => {
		server().clearFaults();
		server().resetStats();
	});
	const unpaid = (skip = 0) =>
		server()
			.store.all()
			.filter((o) => o.orderStatus === ORDER_STATUS.awaitingPayment)[skip].tbOrderId;
	/** A fresh unpaid order of the sample line, made through the store (not counted as a request). */
	const freshOrder = (quantity = 1) =>
		server().store.create({
			flow: 'general',
			address: ADDRESS as never,
			cargo: [sampleLine(quantity)] as never,
		}).tbOrderId;
	const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ qty: i + 1 }));
	const createItems = (extra: IDataObject = {}) =>
		orderParams('create', [{ ...sampleLine(1), quantity: '={{ $json.qty }}' }], extra);
	return { local, server, unpaid, freshOrder, lines, createItems };
}
