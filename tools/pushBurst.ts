/** Callback bursts for the trigger runs: valid messages (some filtered out), exact duplicates and malformed bodies. */
import type { PandaPonServer } from '../packages/local-server/src/app';
import { CallbackPusher } from '../packages/local-server/src/callbacks';
import type { OrderEventType } from '../packages/local-server/src/store';

export interface Burst {
	/** Raw request bodies in sending order. */
	bodies: string[];
	malformed: number;
	duplicates: number;
	/** Distinct valid messages whose type the example trigger listens to (price change, paid). */
	uniqueMatching: number;
}

const MATCHING: OrderEventType[] = ['ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', 'ORDER_PAY_SUCCESS'];
const OTHER: OrderEventType[] = ['ORDER_CREATE', 'ORDER_CANCEL'];
const MALFORMED = [
	'{"messageType": "1688_ORDER_PAY_SUCCESS", "messageBody": ',
	'<html>502</html>',
	'{"messagePlatform": 7, "messageType": "X", "messageBody": {}}',
];

/** Builds `total` bodies: each valid one about a different order, so distinct messages never collide. */
export function burst(
	server: PandaPonServer,
	total: number,
	shares: { duplicates: number; malformed: number; offset?: number },
): Burst {
	const malformed = Math.round(total * shares.malformed);
	const duplicates = Math.round(total * shares.duplicates);
	const unique = total - malformed - duplicates;
	const orders = server.store.all().slice(shares.offset ?? 0);
	if (orders.length < unique)
		throw new Error(`need ${unique} orders, the server has ${orders.length}`);
	const valid: string[] = [];
	let uniqueMatching = 0;
	for (let i = 0; i < unique; i++) {
		// Three of four are types the example listens to; the rest must be filtered out without an execution.
		const matching = i % 4 !== 3;
		const type = matching ? MATCHING[i % 2] : OTHER[i % 2];
		if (matching) uniqueMatching++;
		valid.push(JSON.stringify(CallbackPusher.fromOrder(type, orders[i])));
	}
	const bodies = [...valid];
	// Duplicates are exact re-sends (PandaPon retries), spread through the burst after their original.
	for (let d = 0; d < duplicates; d++) {
		const original = (d * 7) % unique;
		const at = Math.min(bodies.length, original + 1 + ((d * 13) % 20));
		bodies.splice(at, 0, valid[original]);
	}
	for (let m = 0; m < malformed; m++)
		bodies.splice((m * 37) % bodies.length, 0, MALFORMED[m % MALFORMED.length]);
	return { bodies, malformed, duplicates, uniqueMatching };
}

export interface Answer {
	status: number;
	ms: number;
}

/**
 * Posts every body with at most `concurrency` in flight; returns each answer's status and latency. With
 * `intervalMs`, body i is not sent before i × intervalMs (a steady rate instead of a burst). `headersFor` adds
 * headers per body (PandaPon's signature).
 */
export async function postAll(
	url: string,
	bodies: string[],
	concurrency: number,
	intervalMs = 0,
	headersFor: (body: string) => Record<string, string> = () => ({}),
): Promise<Answer[]> {
	const answers: Answer[] = new Array(bodies.length);
	const start = performance.now();
	let next = 0;
	const worker = async () => {
		while (next < bodies.length) {
			const index = next++;
			const wait = start + index * intervalMs - performance.now();
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			const started = performance.now();
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...headersFor(bodies[index]) },
				body: bodies[index],
			});
			await response.arrayBuffer();
			answers[index] = { status: response.status, ms: performance.now() - started };
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return answers;
}
