/**
 * Max Order Total (CNY): before an operation that creates 1688 orders, the node runs PandaPon's documented preview
 * for the same lines (or cart lines) and address, refuses with nothing created when goods + shipping exceed the
 * cap, and otherwise creates and reports the previewed total. Preview sums are in fen (reference §2.3).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, type EndpointName } from '../../transport/endpoints';
import { pandaponRequest } from '../../transport/request';
import { fenToYuan } from '../../simplify';
import { asList, inputError, isObject, optionsCollection } from '../common';
import { previewFailure } from './checks';

export const capOptions: INodeProperties = optionsCollection([
	{
		displayName: 'Max Order Total (CNY)',
		name: 'maxOrderTotal',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description:
			'Refuse, with nothing ordered, when PandaPon’s preview of the same lines and address says goods + shipping cost more than this many yuan. The node previews first (one preview per seller). 0 = no cap.',
	},
]);

/** The cap of one item in yuan, or undefined when none is set. */
export function readCap(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const options = (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject) ?? {};
	const cap = Number(options.maxOrderTotal ?? 0);
	return Number.isFinite(cap) && cap > 0 ? cap : undefined;
}

/** goods + shipping of a preview answer, in fen; undefined when it carries no sumPayment. */
function previewTotalFen(data: unknown): number | undefined {
	let total: number | undefined;
	for (const preview of asList(data)) {
		for (const entry of asList(isObject(preview) ? preview.orderPreviewResuslt : undefined)) {
			const sum = Number((entry as IDataObject).sumPayment);
			if (Number.isFinite(sum)) total = (total ?? 0) + sum;
		}
	}
	return total;
}

/**
 * Runs the previews (each { endpoint, body }), then refuses above the cap. Returns the previewed total in yuan.
 * A preview that fails or gives no total refuses too: the cap cannot be checked, so nothing is ordered.
 */
export async function enforceCap(
	this: IExecuteFunctions,
	itemIndex: number,
	cap: number,
	previews: Array<{ endpoint: EndpointName; body: IDataObject }>,
): Promise<number> {
	let fen = 0;
	for (const { endpoint, body } of previews) {
		const data = await pandaponRequest.call(this, { ...ENDPOINTS[endpoint], body, idempotent: true, itemIndex });
		const failure = previewFailure(data);
		if (failure) throw inputError(this, itemIndex, `Not ordered: PandaPon's preview says no (${failure})`, 'Nothing was ordered.');
		const total = previewTotalFen(data);
		if (total === undefined) {
			throw inputError(this, itemIndex, `Not ordered: PandaPon's preview gave no total (sumPayment), so Max Order Total (${cap.toFixed(2)} CNY) cannot be checked`, 'Nothing was ordered.');
		}
		fen += total;
	}
	const yuan = fenToYuan(fen) ?? 0;
	if (yuan > cap) {
		throw inputError(
			this,
			itemIndex,
			`Not ordered: PandaPon's preview puts goods + shipping at ${yuan.toFixed(2)} CNY, above Max Order Total ${cap.toFixed(2)} CNY`,
			'Nothing was ordered. Raise the cap or change the lines.',
		);
	}
	return yuan;
}

/** The created orders' items, each carrying the total the preview gave (when a cap was checked). */
export function withPreviewedTotal(items: INodeExecutionData[], yuan: number | undefined): INodeExecutionData[] {
	if (yuan === undefined) return items;
	for (const item of items) item.json.previewedTotalYuan = yuan;
	return items;
}
