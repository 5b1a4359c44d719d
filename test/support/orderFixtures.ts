/** Parameters of order workflows, as the n8n editor would save them. */
import type { IDataObject } from 'n8n-workflow';

import type { Catalog } from '../../packages/local-server/src/catalog';
import { SAMPLE } from '../../packages/local-server/src/catalog';

export const ADDRESS = {
	fullName: 'zhang',
	mobile: '18600888861',
	phone: '',
	postCode: '310024',
	provinceText: '浙江省',
	cityText: '杭州市',
	areaText: '西湖区',
	townText: '转塘',
	address: '转塘街道 1 号',
	districtCode: '330106',
};

/** A Taobao receiver (orderAddress / receiver fields) in the sample's city. */
export const TAOBAO_RECEIVER = {
	name: 'zhang',
	mobile_phone: '18600888861',
	phone: '',
	country: '中国',
	state: '浙江省',
	city: '杭州市',
	district: '西湖区',
	address: '转塘 1 号',
	zip: '310024',
};

export const sampleLine = (quantity = 2): IDataObject => ({
	offerMapId: SAMPLE.offerMapId,
	specId: SAMPLE.specId,
	quantity,
	sellerOpenId: SAMPLE.sellerOpenId,
});

/** A line from another seller than the sample's (numeric: by its 1688 offer ID instead of the mapped one). */
export function otherSellerLine(catalog: Catalog, quantity = 1, numeric = false): IDataObject {
	const offer = catalog.offers.find(
		(o) => o.sellerOpenId !== SAMPLE.sellerOpenId && o.specs[0].stock > 10,
	)!;
	const id = numeric ? offer.offerId : offer.offerMapId;
	return {
		offerMapId: id,
		specId: offer.specs[0].specId,
		quantity,
		sellerOpenId: offer.sellerOpenId,
	};
}

/** The sample line with the numeric 1688 offer ID typed in Offer ID (sent as offerId). */
export const numericLine = (quantity = 2): IDataObject => ({
	...sampleLine(quantity),
	offerMapId: SAMPLE.offerId,
});

export function orderParams(
	operation: string,
	lines: IDataObject[],
	extra: IDataObject = {},
): IDataObject {
	return {
		resource: 'order',
		operation,
		addressMode: 'fields',
		address: { value: ADDRESS },
		cargoMode: 'fields',
		cargo: { line: lines },
		...extra,
	};
}

/** One Taobao order line as the Taobao Order's JSON mode takes it. */
export const TAOBAO_LINES = [
	{
		itemId: '672991141190',
		skuId: '3452545926724',
		orderLineNo: '1',
		quantity: '2',
		price: '9300',
		currency: 'CNY',
	},
];

/** Taobao Order → Create in JSON mode, one line, within its budget; `extra` overrides. */
export const taobaoOrderParams = (extra: Record<string, unknown> = {}) => ({
	resource: 'taobaoOrder',
	operation: 'create',
	orderLinesInput: 'json',
	receiverInput: 'json',
	orderLineList: JSON.stringify(TAOBAO_LINES),
	receiver: JSON.stringify(TAOBAO_RECEIVER),
	budgetYuan: 200,
	...extra,
});
