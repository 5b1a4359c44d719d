/**
 * Writes that went through in this execution, by node and item, so that n8n's Retry On Fail (which runs the node
 * again in the same execution) returns them as they were instead of sending them again. Kept only when the run
 * failed (a run that succeeds is not retried), and bounded: the newest executions only, and only for an hour.
 */
import { createHash } from 'crypto';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

type Remembered = Map<number, { fingerprint: string; output: INodeExecutionData[] }>;

const DONE_WRITES = new Map<string, { at: number; items: Remembered }>();
const DONE_WRITES_MAX = 200;
const DONE_WRITES_TTL_MS = 3600_000;

/** What the router asks of the memory for one node run. */
export interface RetryMemory {
	/** What this item gave when it was sent earlier in this execution, if it was (and is unchanged). */
	sentEarlier(itemIndex: number): INodeExecutionData[] | undefined;
	remember(itemIndex: number, output: INodeExecutionData[]): void;
	/** The run succeeded: it will not be retried. */
	forget(): void;
}

const keyOf = (ctx: IExecuteFunctions, executionId: string) =>
	`${executionId}\u0000${ctx.getNode().name}`;

function entryFor(key: string): Remembered {
	const now = Date.now();
	for (const [old, entry] of DONE_WRITES)
		if (now - entry.at > DONE_WRITES_TTL_MS || DONE_WRITES.size > DONE_WRITES_MAX)
			DONE_WRITES.delete(old);
	let entry = DONE_WRITES.get(key);
	if (!entry) {
		entry = { at: now, items: new Map() };
		DONE_WRITES.set(key, entry);
	}
	return entry.items;
}

/** The item and the node's settings as they are now: a retry with the same fingerprint is the same write. */
function fingerprint(item: INodeExecutionData | undefined, settings: string): string {
	return createHash('sha256')
		.update(JSON.stringify(item?.json ?? null))
		.update(settings)
		.digest('hex');
}

/** The memory of this node run's writes; undefined outside an execution (no execution id). */
export function retryMemory(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): RetryMemory | undefined {
	const executionId = ctx.getExecutionId?.();
	if (!executionId) return undefined;
	const key = keyOf(ctx, executionId);
	const remembered = entryFor(key);
	// The node's settings are the same for every item: written out once for the items' fingerprints, and each
	// item's fingerprint once (the check before sending and the send both ask).
	const settings = JSON.stringify(ctx.getNode().parameters);
	const prints = items.map((item) => fingerprint(item, settings));
	return {
		sentEarlier(itemIndex) {
			const earlier = remembered.get(itemIndex);
			return earlier && earlier.fingerprint === prints[itemIndex] ? earlier.output : undefined;
		},
		remember(itemIndex, output) {
			remembered.set(itemIndex, { fingerprint: prints[itemIndex], output });
		},
		forget() {
			DONE_WRITES.delete(key);
		},
	};
}
