import type { FieldSpec } from '../define';

export const TAOBAO_ORDER_ID: FieldSpec = {
	name: 'orderId',
	displayName: 'Taobao Order ID',
	kind: 'id',
	required: true,
	placeholder: '4023118842116554321',
	description: 'The Taobao purchase order ID. Keep it as text: long IDs do not fit a number.',
};

export const ORDER_LINES: FieldSpec = {
	name: 'orderLineList',
	displayName: 'Order Lines (JSON)',
	kind: 'jsonText',
	required: true,
	default:
		'[\n  { "itemId": "600126245031041190", "skuId": "5016042822039", "orderLineNo": "1", "quantity": "1", "price": "100", "currency": "CNY" }\n]',
	description: 'JSON array of lines {itemId, skuId, orderLineNo, quantity, price (fen), currency}. Sent as the JSON text PandaPon expects.',
};

export const RECEIVER: FieldSpec = {
	name: 'receiver',
	displayName: 'Receiver (JSON)',
	kind: 'jsonText',
	required: true,
	default:
		'{\n  "name": "zhang", "mobile_phone": "18600888861", "phone": "", "country": "中国", "state": "浙江省", "city": "杭州市", "district": "西湖区", "address": "转塘 xxxxxxx", "zip": "310024"\n}',
	description: 'A China address: {name, mobile_phone, phone, country, state, city, district, address, zip}',
};
