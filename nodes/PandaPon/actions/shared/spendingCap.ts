/**
 * Spending limits, all in CNY (yuan). Max Order Total: before an operation that creates 1688 orders, the node runs
 * PandaPon's preview for the same lines (or cart lines) and address, refuses with nothing created when goods +
 * shipping exceed the cap, creates otherwise, then reads each created order's own total back from the order list
 * and fails loudly when it is above the cap. Preview sums and list totals are in fen (endpoint table: orderPreview,
 * orderList). A limit that is present but unreadable refuses: no cap is only the option being absent.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { EndpointName } from '../../model/endpoints';
import { safetySetting } from '../../model/safety';
import { cnyText, fenToYuan } from '../../shared/simplify';
import { orderRow, rowTotalFen } from '../../transport/orderLookup';
import { asList, inputError, isObject, optionsCollection } from '../../shared/parameters';
import { sendPreview } from './previewChecks';

export const capOptions: INodeProperties = optionsCollection([
	safetySetting<INodeProperties>({
		displayName: 'Max Order Total (CNY)',
		name: 'maxOrderTotal',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 0,
		description:
			'Refuse, with nothing ordered, when PandaPon’s preview of the same lines and address says goods + shipping cost more than this many yuan; after ordering, the order’s own total is checked again. An amount above 0 is required once this option is added (an empty, 0 or unreadable value refuses): remove the option to order without a cap.',
	}),
]);

const shown = (value: unknown): string => {
	if (value === undefined) return 'nothing (an expression that resolved to no value)';
	if (value === null) return 'null';
	if (typeof value === 'string') return value.trim() === '' ? 'an empty value' : `"${value}"`;
	if (typeof value === 'number') return String(value);
	return `a ${Array.isArray(value) ? 'list' : typeof value}`;
};

/** An amount of yuan as a number or digits ("500", "199.5"); NaN for anything else (text, null, a list …). */
export const yuanAmount = (raw: unknown): number =>
	typeof raw === 'number'
		? raw
		: typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw)
			? Number(raw)
			: NaN;

/**
 * A spending limit of one item in yuan, or undefined when the option is absent. Present means present in the node
 * as saved (so an expression that resolves to nothing still counts as set), and then it must be a number of yuan
 * above 0: anything else refuses, naming what it got, before anything is sent.
 */
export function readLimit(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number | undefined {
	const saved = ctx.getNode().parameters.options;
	if (!isObject(saved) || !(name in saved)) return undefined;
	const options = (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject) ?? {};
	const raw = options[name];
	const value = yuanAmount(raw);
	if (!Number.isFinite(value) || value <= 0) {
		throw inputError(
			ctx,
			itemIndex,
			`${label} is set but is not an amount of yuan above 0 (it is ${shown(raw)}), so the limit cannot be checked and nothing was sent`,
			'Nothing was sent to PandaPon. Enter an amount above 0 (e.g. 500 for 500.00 CNY), or remove the option to send without a limit.',
		);
	}
	return value;
}

/** The Max Order Total of one item in yuan, or undefined when the option is absent. */
export const readCap = (ctx: IExecuteFunctions, itemIndex: number): number | undefined =>
	readLimit(ctx, itemIndex, 'maxOrderTotal', 'Max Order Total (CNY)');

/** A money amount PandaPon sent as a number (or digits), else undefined: null, "" and text are not 0. */
function amount(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return undefined;
}

/** goods + shipping of a preview answer, in fen; undefined when any entry lacks a numeric sumPayment. */
function previewTotalFen(data: unknown): number | undefined {
	let total: number | undefined;
	for (const preview of asList(data)) {
		const entries = asList(isObject(preview) ? preview.orderPreviewResuslt : undefined);
		if (!entries.length) return undefined;
		for (const entry of entries) {
			const sum = amount((entry as IDataObject)?.sumPayment);
			if (sum === undefined) return undefined;
			total = (total ?? 0) + sum;
		}
	}
	return total;
}

/** How a preview's total is read: the fields it comes from (named in a refusal) and the reading, in fen. */
export interface TotalReader {
	fields: string;
	totalFen: (data: unknown) => number | undefined;
}
const PREVIEW_SUM: TotalReader = { fields: 'sumPayment', totalFen: previewTotalFen };

/**
 * Runs the previews (each { endpoint, body }), then refuses above the cap. Returns the previewed total in yuan.
 * A preview that fails or gives no total refuses too: the cap cannot be checked, so nothing is ordered.
 */
export async function enforceCap(
	this: IExecuteFunctions,
	itemIndex: number,
	cap: number,
	previews: Array<{ endpoint: EndpointName; body: IDataObject }>,
	reader: TotalReader = PREVIEW_SUM,
): Promise<number> {
	let fen = 0;
	for (const { endpoint, body } of previews) {
		const data = await sendPreview.call(
			this,
			itemIndex,
			endpoint,
			body,
			(failure) => `Not ordered: PandaPon's preview says no (${failure})`,
		);
		const total = reader.totalFen(data);
		if (total === undefined) {
			throw inputError(
				this,
				itemIndex,
				`Not ordered: PandaPon's preview gave no total (${reader.fields}), so Max Order Total (${cap.toFixed(2)} CNY) cannot be checked`,
				'Nothing was ordered.',
			);
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

/**
 * A limit broken after the write went through (a price raised in between, a total that cannot be read back): the
 * item fails loudly, and says the write happened (`outcome: 'went through'`, with the order IDs when known).
 */
export function wentThroughError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description: string,
	orderIds?: string[],
) {
	const error = inputError(ctx, itemIndex, message, description);
	error.context.outcome = 'went through';
	if (orderIds) error.context.orderIds = orderIds;
	return error;
}

/** A read of an order's total: short, retried once (a read, never a write). */
const TOTALS_READ = { timeoutMs: 5000, maxAttempts: 2 };

/**
 * The current totals of these orders from the order list (fen), summed, with "2542…: 232.00 CNY" for each. `missing`
 * is the first order the list does not show (`listed: false`) or shows without a total; the rest are then not read.
 */
export async function currentTotals(
	this: IExecuteFunctions,
	itemIndex: number,
	orderIds: string[],
): Promise<{ fen: number; each: string[]; missing?: { id: string; listed: boolean } }> {
	let fen = 0;
	const each: string[] = [];
	for (const id of orderIds) {
		const row = await orderRow(this, id, { itemIndex, ...TOTALS_READ });
		const total = row ? rowTotalFen(row) : undefined;
		if (total === undefined) return { fen, each, missing: { id, listed: row !== undefined } };
		fen += total;
		each.push(`${id}: ${cnyText(total)}`);
	}
	return { fen, each };
}

/**
 * After a capped create: each created order's own total, read back from the documented order list (in fen), is
 * compared with the cap. Above it, or unreadable, the item fails loudly with the order IDs (the orders exist and
 * are unpaid), so a following Pay does not run. Otherwise each item carries the previewed and the ordered total.
 */
export async function checkCreatedTotals(
	this: IExecuteFunctions,
	itemIndex: number,
	cap: number,
	previewedYuan: number,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const ids = items.map((item) =>
		item.json.orderId === null || item.json.orderId === undefined ? '' : String(item.json.orderId),
	);
	const created = ids.filter(Boolean);
	const fail = (message: string) =>
		wentThroughError(
			this,
			itemIndex,
			message,
			'The order exists on PandaPon and is unpaid. Nothing else was sent.',
			created,
		);
	if (created.length !== items.length) {
		throw fail(
			`Ordered, but PandaPon's answer carries no 1688 order ID for ${items.length - created.length} of ${items.length} order(s), so their totals cannot be checked against Max Order Total ${cap.toFixed(2)} CNY${created.length ? ` (orders ${created.join(', ')})` : ''}. Check 1688 Order → Get Many before paying: cancel what you do not want or pay it knowingly`,
		);
	}
	// A read that fails counts as a total that cannot be read: the order exists either way.
	const totals = await currentTotals
		.call(this, itemIndex, created)
		.catch(() => ({ fen: 0, each: [], missing: { id: created[0], listed: false } }));
	if (totals.missing) {
		throw fail(
			`Order ${created.join(', ')} was created, but its total could not be read back to check Max Order Total ${cap.toFixed(2)} CNY. It is unpaid: check it with 1688 Order → Get before paying, then cancel it or pay it knowingly`,
		);
	}
	const yuan = fenToYuan(totals.fen) ?? 0;
	if (yuan > cap) {
		throw fail(
			`Order ${created.join(', ')} was created, but PandaPon now puts its total at ${yuan.toFixed(2)} CNY (${totals.each.join('; ')}), above Max Order Total ${cap.toFixed(2)} CNY (the preview said ${previewedYuan.toFixed(2)} CNY). It is unpaid: cancel it or pay it knowingly`,
		);
	}
	for (const item of items) {
		item.json.previewedTotalYuan = previewedYuan;
		item.json.orderedTotalYuan = yuan;
	}
	return items;
}
