/**
 * The Taobao delivery address (PandaPon's orderAddress: name, mobile_phone, phone, country, state, city, district,
 * address, zip), typed in fields or mapped as JSON. Resource-neutral: the Taobao cart operations use it.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, isObject, jsonParameter } from './common';

const field = (displayName: string, name: string, placeholder: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	...(description ? { description } : {}),
});

/** UI: a mode switch, the address fields (empty by default: samples only as placeholders), and a JSON box. */
export const taobaoAddressProperties: INodeProperties[] = [
	{
		displayName: 'Address Input',
		name: 'orderAddressMode',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the address below' },
			{ name: 'JSON', value: 'json', description: 'Map a whole address object (PandaPon orderAddress) from an earlier node' },
		],
		default: 'fields',
	},
	{
		displayName: 'Delivery Address',
		name: 'orderAddress',
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		description: 'Where the Taobao seller ships to: normally your warehouse in China. Chinese text is fine.',
		displayOptions: { show: { orderAddressMode: ['fields'] } },
		options: [
			{
				displayName: 'Address',
				name: 'value',
				values: [
					field('Recipient Name', 'name', 'e.g. 张三'),
					field('Mobile', 'mobile_phone', 'e.g. 18600888861'),
					field('Phone', 'phone', 'e.g. 0571-88888888', 'Landline or second number (optional)'),
					field('Country', 'country', 'e.g. 中国'),
					field('Province', 'state', 'e.g. 浙江省'),
					field('City', 'city', 'e.g. 杭州市'),
					field('District', 'district', 'e.g. 余杭区'),
					field('Street Address', 'address', 'e.g. 仓前街道 1 号'),
					field('Post Code', 'zip', 'e.g. 311121'),
				],
			},
		],
	},
	{
		displayName: 'Address (JSON)',
		name: 'orderAddressJson',
		type: 'json',
		default: '',
		placeholder: '{"name": "张三", "mobile_phone": "18600888861", "country": "中国", "state": "浙江省", "city": "杭州市", "district": "余杭区", "address": "…", "zip": "311121"}',
		description: 'PandaPon orderAddress object: name, mobile_phone, phone, country, state, city, district, address, zip',
		displayOptions: { show: { orderAddressMode: ['json'] } },
	},
];

/** The orderAddress object of one item: empty fields left out, text trimmed (checked later by the body schema). */
export function readTaobaoAddress(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = this.getNodeParameter('orderAddressMode', itemIndex, 'fields') as string;
	const raw =
		mode === 'json'
			? jsonParameter.call(this, 'orderAddressJson', 'Address (JSON)', itemIndex)
			: ((this.getNodeParameter('orderAddress.value', itemIndex, {}) as IDataObject) ?? {});
	if (!isObject(raw)) throw inputError(this, itemIndex, 'Address (JSON) must be a JSON object');
	const address: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		const text = typeof value === 'string' ? value.trim() : value;
		if (text !== undefined && text !== null && text !== '') address[key] = typeof text === 'number' ? String(text) : text;
	}
	return address;
}
