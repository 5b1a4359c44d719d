import type { IDataObject } from 'n8n-workflow';

import { asList, isObject } from '../../shared/parameters';
import { defineOperation } from '../define';

/** One item per cart line, with its shop and whether 1688 can still sell it. */
function cartLines(data: unknown): IDataObject[] {
	if (!isObject(data)) return [];
	const lines: IDataObject[] = [];
	for (const [list, available] of [
		['enableList', true],
		['disableList', false],
	] as const) {
		for (const shop of asList(data[list])) {
			for (const line of asList(shop.cartItemInfos)) {
				lines.push({
					...line,
					available,
					sellerOpenId: shop.sellerOpenId,
					sellerNickName: shop.sellerNickName,
				});
			}
		}
	}
	return lines;
}

export const { description, execute, endpoint } = defineOperation({
	resource: 'cart',
	operation: 'getAll',
	endpoint: 'cartList',
	fields: [],
	output: cartLines,
});
