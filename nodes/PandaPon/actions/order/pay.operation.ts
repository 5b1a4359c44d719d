import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { paySchema } from '../../model/order';
import { safetySetting } from '../../model/safety';
import { inputError } from '../../shared/parameters';
import { fenToYuan } from '../../shared/simplify';
import { defineOperation } from '../define';
import { settlePay } from '../shared/unknownOutcome';
import { currentTotals, readLimit, wentThroughError } from '../shared/spendingCap';

/** The current totals of the orders (documented order list, fen); refuses above the limit or when one cannot be read. */
async function checkPayLimit(
	this: IExecuteFunctions,
	itemIndex: number,
	limit: number,
	orderIds: string[],
): Promise<number> {
	const totals = await currentTotals.call(this, itemIndex, orderIds);
	if (totals.missing) {
		const { id, listed } = totals.missing;
		throw inputError(
			this,
			itemIndex,
			`Not paid: PandaPon's order list ${listed ? 'shows no total for' : 'does not show'} order ${id}, so Max Total to Pay (${limit.toFixed(2)} CNY) cannot be checked`,
			'Nothing was paid.',
		);
	}
	const yuan = fenToYuan(totals.fen) ?? 0;
	if (yuan > limit) {
		throw inputError(
			this,
			itemIndex,
			`Not paid: PandaPon puts the current total at ${yuan.toFixed(2)} CNY (${totals.each.join('; ')}), above Max Total to Pay ${limit.toFixed(2)} CNY`,
			'Nothing was paid. The seller may have changed the price or shipping since the order was placed: check the order, then raise the limit or cancel it.',
		);
	}
	return yuan;
}

/**
 * After paying within Max Total to Pay: the paid orders' totals read again. A seller can raise a price between the
 * check and the payment, so a total above the limit now (or one that cannot be read) fails loudly, with the ids and
 * amounts: the payment went through, and the item says so.
 */
async function checkPaidTotals(
	this: IExecuteFunctions,
	itemIndex: number,
	limit: number,
	checkedYuan: number,
	orderIds: string[],
): Promise<number> {
	const paidError = (message: string) =>
		wentThroughError(
			this,
			itemIndex,
			message,
			'The payment went through: do not pay again. Check the orders (1688 Order → Get) and ask the seller or open an after-sale for what you did not agree to pay.',
			orderIds,
		);
	const after = await currentTotals.call(this, itemIndex, orderIds).catch(() => undefined);
	if (!after || after.missing) {
		throw paidError(
			`Paid (orders ${orderIds.join(', ')}), but their totals could not be read back to check Max Total to Pay ${limit.toFixed(2)} CNY (checked before paying: ${checkedYuan.toFixed(2)} CNY)`,
		);
	}
	const yuan = fenToYuan(after.fen) ?? 0;
	if (yuan > limit) {
		throw paidError(
			`Paid above Max Total to Pay: PandaPon now puts the paid orders at ${yuan.toFixed(2)} CNY (${after.each.join('; ')}), above the limit ${limit.toFixed(2)} CNY; they totalled ${checkedYuan.toFixed(2)} CNY when checked just before paying, so the price changed in between`,
		);
	}
	return yuan;
}

export const { description, execute, endpoint, parallel } = defineOperation({
	resource: 'order',
	operation: 'pay',
	endpoint: 'orderPay',
	parallel: true,
	extraProperties: [
		{
			displayName:
				'Pays real money from your PandaPon payment source. Sent once, never repeated automatically; if its answer is lost, the node checks the orders with PandaPon and says whether they were paid. Set Options → Max Total to Pay (CNY) to refuse orders whose current total is higher (a seller can raise the price after you order). PandaPon does not publish what this call answers, so its answer is passed on as it comes.',
			name: 'payNotice',
			type: 'notice',
			default: '',
		},
	],
	fields: [
		{
			name: 'orderIds',
			displayName: '1688 Order IDs',
			kind: 'idList',
			required: true,
			placeholder: 'e.g. 2542285634920880794, 2542285634920880795',
			description:
				'One or more unpaid 1688 order IDs, separated by commas or new lines (or an array from an expression)',
		},
	],
	// An empty field is an empty list, which the schema refuses as "must name at least one order".
	constants: { orderIds: [] },
	schema: paySchema,
	options: [
		safetySetting<INodeProperties>({
			displayName: 'Max Total to Pay (CNY)',
			name: 'maxPayTotal',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: 0,
			description:
				'Before paying, read each order’s current total from PandaPon’s order list and refuse, with nothing paid, when together they cost more than this many yuan (or a total cannot be read). An amount above 0 is required once this option is added: remove the option to pay without a limit.',
		}),
	],
	// Max Total to Pay: the orders' current totals first; the amount checked is reported with the result.
	async beforeSend(itemIndex, body) {
		const limit = readLimit(this, itemIndex, 'maxPayTotal', 'Max Total to Pay (CNY)');
		if (limit === undefined) return undefined;
		const orderIds = body.orderIds as string[];
		const yuan = await checkPayLimit.call(this, itemIndex, limit, orderIds);
		return async (items) => {
			const paidYuan = await checkPaidTotals.call(this, itemIndex, limit, yuan, orderIds);
			return items.map((item) => ({
				...item,
				json: {
					orderIds: item.json.orderIds,
					submitted: item.json.submitted,
					checkedTotalYuan: yuan,
					paidTotalYuan: paidYuan,
					...item.json,
				},
			}));
		};
	},
	// Never retried: a repeat could pay twice. A lost answer is settled by reading the orders back.
	settle(itemIndex, body) {
		return settlePay(this, itemIndex, body.orderIds as string[]);
	},
	output: (data, sent) => ({
		orderIds: sent.orderIds,
		submitted: true,
		...(data !== null && data !== undefined ? { result: data as IDataObject } : {}),
	}),
});
