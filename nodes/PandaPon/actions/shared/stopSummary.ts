/**
 * The message of a write run that stopped after some items went through: the items that went through are not lost,
 * the message names them and their ids, and says what running the node again would do.
 */
import type { NodeApiError, NodeOperationError, INodeExecutionData } from 'n8n-workflow';

import type { EndpointName } from '../../model/endpoints';

/** What a write did, in the words of the summary of a run that stopped ("Items 1–2 were ordered"). */
function doneVerb(endpoint: EndpointName | null | undefined): { done: string; again: string } {
	const name = endpoint ?? '';
	if (/Create/.test(name)) return { done: 'ordered', again: 'order' };
	if (/Pay$/.test(name)) return { done: 'paid', again: 'pay' };
	if (/Cancel$/.test(name)) return { done: 'cancelled', again: 'cancel' };
	if (name === 'orderReceiveGoods') return { done: 'confirmed as received', again: 'confirm' };
	return { done: 'sent', again: 'send' };
}

/** "1–3", "1, 3": one-based item numbers. */
function itemList(indexes: number[]): string {
	const n = indexes.map((i) => i + 1).sort((a, b) => a - b);
	const contiguous = n.every((v, i) => i === 0 || v === n[i - 1] + 1);
	return contiguous && n.length > 2 ? `${n[0]}–${n[n.length - 1]}` : n.join(', ');
}

/** The ids a done write item reports (order IDs first), for the summary. */
function reportedIds(items: INodeExecutionData[] | undefined): string[] {
	const ids: string[] = [];
	for (const item of items ?? []) {
		const json = item.json ?? {};
		const value =
			json.orderId ?? json.tbOrderId ?? json.orderIds ?? json.refundId ?? json.id ?? json.cartId;
		for (const id of Array.isArray(value) ? value : [value])
			if (id !== undefined && id !== null && id !== '') ids.push(String(id));
	}
	return ids;
}

/** Rewrites the stopping item's error to say which items went through before it (when any did). */
export function summariseStop(
	error: NodeApiError | NodeOperationError,
	results: Array<INodeExecutionData[] | undefined>,
	failedIndex: number,
	endpoint: EndpointName | null | undefined,
): void {
	const done = results.flatMap((out, index) => (out && index !== failedIndex ? [index] : []));
	if (!done.length) return;
	const verb = doneVerb(endpoint);
	const ids = done.flatMap((index) => reportedIds(results[index]));
	const which = `${done.length > 1 ? 'Items' : 'Item'} ${itemList(done)}`;
	const reason = error.message.replace(/^Item \d+: /, '').replace(/\.?$/, '.');
	error.message = `${which} ${done.length > 1 ? 'were' : 'was'} ${verb.done}${ids.length ? ` (${ids.join(', ')})` : ''}; item ${failedIndex + 1} failed: ${reason} Running this node again would ${verb.again} ${which.toLowerCase()} again: remove ${done.length > 1 ? 'them' : 'it'} from the input first, or turn on Continue On Fail to get each item's own result.`;
	error.context.doneItems = done.map((index) => index + 1);
	error.context.doneIds = ids;
}
