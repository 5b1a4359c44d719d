import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { taobaoCartOrderSchema } from '../../model/taobao';
import { isObject } from '../../shared/parameters';
import { fenToYuan } from '../../shared/simplify';
import { defineOperation } from '../define';
import {
	capOptions,
	enforceCap,
	readCap,
	wentThroughError,
	type TotalReader,
} from '../shared/spendingCap';
import { CART_ADDRESS, readTaobaoAddress, taobaoAddressInput } from '../shared/taobaoAddress';
import { CART_ORDER_FIELDS, withCredentialUser } from './fields';
import { wholeFen } from '../../model/values';

const notice: INodeProperties = {
	displayName:
		'This places a real Taobao order for these cart lines and moves real money (there is no sandbox). It is sent once and never repeated automatically. PandaPon’s cart order takes no budget: set Options → Max Order Total (CNY) to have the node price the same lines with Taobao Cart → Preview first and refuse above it. That preview’s path is a guess; if PandaPon refuses it, the order is refused with nothing ordered.',
	name: 'createNotice',
	type: 'notice',
	default: '',
};

const fen = (value: unknown): number | undefined => wholeFen(value);

/**
 * A Taobao cart preview's total in fen (the unit of the order create's purchaseAmount; this preview's answer is not
 * published): totalFee, or productFee + postFee when both are given; anything else cannot be checked.
 */
const TAOBAO_PREVIEW: TotalReader = {
	fields: 'totalFee, or productFee and postFee',
	totalFen(data) {
		if (!isObject(data)) return undefined;
		const total = fen(data.totalFee);
		if (total !== undefined) return total;
		const goods = fen(data.productFee);
		const post = fen(data.postFee);
		return goods !== undefined && post !== undefined ? goods + post : undefined;
	},
};

/** After a capped cart order: the order's own total in the answer (totalFee, fen) must be there and within the cap. */
function checkOrderedTotal(
	this: IExecuteFunctions,
	itemIndex: number,
	cap: number,
	previewedYuan: number,
	answer: unknown,
): number {
	const data = isObject(answer) ? answer : {};
	const orderId = String(
		data.purchaseOrderId ?? data.salesOrderId ?? 'without an ID in the answer',
	);
	const total = fen(data.totalFee);
	const yuan = total === undefined ? undefined : (fenToYuan(total) ?? undefined);
	if (yuan !== undefined && yuan <= cap) return yuan;
	throw wentThroughError(
		this,
		itemIndex,
		yuan === undefined
			? `Ordered (Taobao order ${orderId}), but PandaPon's answer gives no total (totalFee), so Max Order Total ${cap.toFixed(2)} CNY cannot be checked after the fact (the preview said ${previewedYuan.toFixed(2)} CNY)`
			: `Ordered (Taobao order ${orderId}), but PandaPon puts its total at ${yuan.toFixed(2)} CNY, above Max Order Total ${cap.toFixed(2)} CNY (the preview said ${previewedYuan.toFixed(2)} CNY)`,
		'The order exists on PandaPon: do not order it again. Check it (Taobao Order → Get) before paying, then cancel it or pay it knowingly.',
	);
}

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoCart',
	operation: 'createOrder',
	endpoint: 'taobaoCartCreateOrder',
	schema: taobaoCartOrderSchema,
	extraProperties: [notice, ...taobaoAddressInput(CART_ADDRESS), capOptions],
	fields: CART_ORDER_FIELDS,
	async prepare(itemIndex, request) {
		request.body.orderAddress = readTaobaoAddress.call(this, itemIndex);
		await withCredentialUser.call(this, request.body, itemIndex);
	},
	// Max Order Total: Taobao Cart → Preview of the same body first (refused above the cap, nothing ordered), then
	// the order's own total in the answer.
	async beforeSend(itemIndex, body) {
		const cap = readCap(this, itemIndex);
		if (!cap) return undefined;
		const previewed = await enforceCap.call(
			this,
			itemIndex,
			cap,
			[{ endpoint: 'taobaoCartPreview', body: body as IDataObject }],
			TAOBAO_PREVIEW,
		);
		return async (items) => {
			for (const item of items) {
				const yuan = checkOrderedTotal.call(this, itemIndex, cap, previewed, item.json);
				Object.assign(item.json, { previewedTotalYuan: previewed, orderedTotalYuan: yuan });
			}
			return items;
		};
	},
});
