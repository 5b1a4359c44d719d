/**
 * The Taobao delivery address (name, mobile_phone, phone, country, state, city, district, address, zip) and the
 * Taobao order lines, each typed in fields or mapped as JSON. Samples appear only as "e.g." placeholders: every
 * default is empty, so a forgotten field fails before anything is sent instead of ordering to a sample address.
 * The cart operations send the address as an object (orderAddress); Taobao Order Create/Preview send both as
 * JSON text (receiver, orderLineList), as PandaPon's order page shows.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { taobaoOrderAddressSchema } from '../../model/taobao';
import { stringifyJson } from '../../model/json';
import { inputError, isObject, jsonParameter, validateInput } from '../../shared/parameters';

const field = (
	displayName: string,
	name: string,
	placeholder: string,
	description?: string,
	required = false,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	...(description ? { description } : {}),
	...(required ? { required } : {}),
});

const inputMode = (
	name: string,
	displayName: string,
	what: string,
	jsonWhat: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: [
		{
			name: 'Fields',
			value: 'fields',
			description: `Type the ${what} in the fields below (expressions work in each field)`,
		},
		{ name: 'JSON', value: 'json', description: `Map ${jsonWhat} from an earlier node` },
	],
	default: 'fields',
	description: `How you give the ${what}: field by field, or as one JSON value`,
});

/** Parameter names of one address input (the cart's and the order's differ, so both can exist in one node). */
export interface AddressInputNames {
	mode: string;
	fields: string;
	json: string;
	jsonLabel: string;
	/** JSON mode sends the object as mapped (the order endpoints' JSON text), instead of dropping empty values. */
	jsonAsGiven?: boolean;
}

export const CART_ADDRESS: AddressInputNames = {
	mode: 'orderAddressMode',
	fields: 'orderAddress',
	json: 'orderAddressJson',
	jsonLabel: 'Address (JSON)',
};
export const ORDER_RECEIVER: AddressInputNames = {
	mode: 'receiverInput',
	fields: 'receiverFields',
	json: 'receiver',
	jsonLabel: 'Receiver (JSON)',
	jsonAsGiven: true,
};

/** UI of an address: a mode switch, the address fields, and a JSON box. */
export function taobaoAddressInput(names: AddressInputNames): INodeProperties[] {
	return [
		inputMode(names.mode, 'Address Input', 'delivery address', 'a whole address object'),
		{
			displayName: 'Delivery Address',
			name: names.fields,
			type: 'fixedCollection',
			required: true,
			placeholder: 'Add Address',
			default: {},
			description:
				'Where the Taobao seller ships to: normally your warehouse in China. Chinese text is fine.',
			displayOptions: { show: { [names.mode]: ['fields'] } },
			options: [
				{
					displayName: 'Address',
					name: 'value',
					values: [
						field('Recipient Name', 'name', 'e.g. 张三', undefined, true),
						field(
							'Mobile',
							'mobile_phone',
							'e.g. 138 0000 0000',
							'The recipient’s mobile number in China',
							true,
						),
						field('Phone', 'phone', 'e.g. 0571-0000 0000', 'Landline or second number (optional)'),
						field('Country', 'country', 'e.g. 中国', undefined, true),
						field('Province', 'state', 'e.g. 浙江省', undefined, true),
						field('City', 'city', 'e.g. 杭州市', undefined, true),
						field('District', 'district', 'e.g. 余杭区'),
						field('Street Address', 'address', 'e.g. 仓前街道 1 号', undefined, true),
						field('Post Code', 'zip', 'e.g. 311121'),
					],
				},
			],
		},
		{
			displayName: names.jsonLabel,
			name: names.json,
			type: 'json',
			default: '',
			placeholder:
				'e.g. {"name": "张三", "mobile_phone": "…", "country": "中国", "state": "浙江省", "city": "杭州市", "district": "余杭区", "address": "…", "zip": "311121"}',
			description:
				'An address object: name, mobile_phone, phone, country, state, city, district, address, zip',
			displayOptions: { show: { [names.mode]: ['json'] } },
		},
	];
}

/** Empty values left out, text trimmed, numbers as text (the body schema checks the rest). */
function cleanObject(raw: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		const text = typeof value === 'string' ? value.trim() : value;
		if (text !== undefined && text !== null && text !== '')
			out[key] = typeof text === 'number' ? String(text) : text;
	}
	return out;
}

/** The address object of one item, from the fields or the JSON box. */
export function readTaobaoAddress(
	this: IExecuteFunctions,
	itemIndex: number,
	names: AddressInputNames = CART_ADDRESS,
): IDataObject {
	const mode = this.getNodeParameter(names.mode, itemIndex, 'fields') as string;
	const raw =
		mode === 'json'
			? jsonParameter.call(this, names.json, names.jsonLabel, itemIndex)
			: ((this.getNodeParameter(`${names.fields}.value`, itemIndex, {}) as IDataObject) ?? {});
	if (raw === undefined) return {};
	if (!isObject(raw)) throw inputError(this, itemIndex, `${names.jsonLabel} must be a JSON object`);
	return mode === 'json' && names.jsonAsGiven ? raw : cleanObject(raw);
}

/** UI of Taobao order lines: a mode switch, one row per line, and a JSON box. */
export const taobaoOrderLinesInput: INodeProperties[] = [
	inputMode('orderLinesInput', 'Order Lines Input', 'order lines', 'a list of lines'),
	{
		displayName: 'Order Lines',
		name: 'orderLines',
		type: 'fixedCollection',
		required: true,
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'One row per Taobao SKU to buy',
		displayOptions: { show: { orderLinesInput: ['fields'] } },
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					field(
						'Item ID',
						'itemId',
						'e.g. 600126245031041190',
						'The Taobao item ID (the mapped ID from Taobao Product → Get). Keep it as text.',
						true,
					),
					field(
						'SKU ID',
						'skuId',
						'e.g. 5016042822039',
						'The SKU of the item: colour, size … (from Taobao Product → Get)',
					),
					field('Quantity', 'quantity', 'e.g. 2', undefined, true),
					field(
						'Unit Price (Fen)',
						'price',
						'e.g. 1990 (= 19.90 CNY)',
						'The price you expect per unit, in fen (1/100 CNY)',
					),
					{
						...field('Currency', 'currency', 'e.g. CNY'),
						default: 'CNY',
						description: 'The price’s currency',
					},
					field(
						'Line No.',
						'orderLineNo',
						'e.g. 1',
						'Your number for the line; left empty, lines are numbered 1, 2, 3 …',
					),
				],
			},
		],
	},
	{
		displayName: 'Order Lines (JSON)',
		name: 'orderLineList',
		type: 'json',
		default: '',
		placeholder:
			'e.g. [{"itemId": "…", "skuId": "…", "orderLineNo": "1", "quantity": "1", "price": "1990", "currency": "CNY"}]',
		description:
			'A JSON list of lines {itemId, skuId, orderLineNo, quantity, price (fen), currency}',
		displayOptions: { show: { orderLinesInput: ['json'] } },
	},
];

/** The order lines of one item, from the rows (numbered when unnumbered) or the JSON box. */
function readTaobaoOrderLines(this: IExecuteFunctions, itemIndex: number): unknown {
	const mode = this.getNodeParameter('orderLinesInput', itemIndex, 'fields') as string;
	if (mode === 'json')
		return jsonParameter.call(this, 'orderLineList', 'Order Lines (JSON)', itemIndex);
	const rows = (
		(this.getNodeParameter('orderLines.line', itemIndex, []) as IDataObject[]) ?? []
	).map(cleanObject);
	return rows.map((row, index) => ({ orderLineNo: String(index + 1), ...row }));
}

/** Each line names its item and a quantity; the message names the line. */
function checkOrderLines(this: IExecuteFunctions, lines: unknown, itemIndex: number): void {
	if (!Array.isArray(lines)) return; // the body schema names the field
	lines.forEach((line, index) => {
		const where = `Order line #${index + 1}`;
		if (!isObject(line))
			throw inputError(
				this,
				itemIndex,
				`${where} must be an object {itemId, skuId, quantity, price, currency}`,
			);
		for (const [key, label] of [
			['itemId', 'Item ID'],
			['quantity', 'Quantity'],
		]) {
			const value = line[key];
			if (value === undefined || value === null || String(value).trim() === '') {
				throw inputError(this, itemIndex, `${where}: ${label} (${key}) is required`);
			}
		}
	});
}

/**
 * Taobao Order Create/Preview: the lines and the receiver read from fields or JSON, checked (the receiver like the
 * cart's address), then written as the JSON text PandaPon's order endpoints take.
 */
export function readTaobaoOrderInput(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): void {
	const lines = readTaobaoOrderLines.call(this, itemIndex);
	checkOrderLines.call(this, lines, itemIndex);
	const receiver = readTaobaoAddress.call(this, itemIndex, ORDER_RECEIVER);
	validateInput.call(this, taobaoOrderAddressSchema.passthrough(), receiver, itemIndex);
	if (lines !== undefined) body.orderLineList = stringifyJson(lines);
	body.receiver = stringifyJson(receiver);
}
