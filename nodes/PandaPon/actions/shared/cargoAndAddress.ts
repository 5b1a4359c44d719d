/** UI and input builders shared by the order operations: the delivery address and the cargo lines. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ADDRESS_KEYS, CARGO_KEYS } from '../../model/order';
import { inputError, isObject, jsonParameter } from '../../shared/parameters';
import type { FieldSpec } from './fields';

/**
 * A JSON input's keys PandaPon does not know are refused, naming them and the expected ones: a misspelt key
 * ("qty", "offer_id") would otherwise be dropped and the line sent without it.
 */
function refuseUnknownKeys(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: IDataObject,
	known: string[],
	what: string,
): void {
	const unknown = Object.keys(value).filter((key) => !known.includes(key));
	if (unknown.length) {
		throw inputError(
			ctx,
			itemIndex,
			`${what} has keys PandaPon does not know: ${unknown.join(', ')}. Expected keys: ${known.join(', ')}`,
		);
	}
}

/** On the previews: their output carries what was previewed, for Create to map in one go. */
export const previewToCreateNotice: INodeProperties = {
	displayName:
		'The output carries what was previewed as request.addressParam and request.cargoParamList: in a Create after it, set Address Input and Cargo Input to JSON and map {{ JSON.stringify($json.request.addressParam) }} and {{ JSON.stringify($json.request.cargoParamList) }}.',
	name: 'previewToCreateNotice',
	type: 'notice',
	default: '',
};

export const addressFields: INodeProperties[] = [
	{
		displayName: 'Address Input',
		name: 'addressMode',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the address below' },
			{
				name: 'JSON',
				value: 'json',
				description: 'Map a whole address object (PandaPon addressParam) from an earlier node',
			},
		],
		default: 'fields',
		description:
			'How you give the delivery address: field by field, or as one JSON object mapped from an earlier node',
	},
	{
		displayName: 'Delivery Address',
		name: 'address',
		type: 'fixedCollection',
		required: true,
		placeholder: 'Add Address',
		default: {},
		description:
			'Where the seller ships to: normally your warehouse in China. Chinese text is fine.',
		displayOptions: { show: { addressMode: ['fields'] } },
		options: [
			{
				displayName: 'Address',
				name: 'value',
				values: [
					{
						displayName: 'Recipient Name',
						name: 'fullName',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. 张三',
					},
					{
						displayName: 'Mobile',
						name: 'mobile',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. 138 0000 0000',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						description: 'Landline or second number. Leave empty to send the mobile number.',
					},
					{
						displayName: 'Post Code',
						name: 'postCode',
						type: 'string',
						default: '',
						placeholder: 'e.g. 310024',
					},
					{
						displayName: 'Province',
						name: 'provinceText',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. 浙江省',
					},
					{
						displayName: 'City',
						name: 'cityText',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. 杭州市',
					},
					{
						displayName: 'District',
						name: 'areaText',
						type: 'string',
						default: '',
						placeholder: 'e.g. 西湖区',
					},
					{
						displayName: 'Town',
						name: 'townText',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. 转塘',
						description: 'The town or street (街道/镇): PandaPon requires it',
					},
					{
						displayName: 'Street Address',
						name: 'address',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. 转塘街道 1 号 PandaPon 仓库',
					},
					{
						displayName: 'District Code',
						name: 'districtCode',
						type: 'string',
						default: '',
						placeholder: 'e.g. 330106',
						description: 'Optional 6-digit division code of the district (e.g. 330106 for 西湖区)',
					},
				],
			},
		],
	},
	{
		displayName: 'Address (JSON)',
		name: 'addressJson',
		type: 'json',
		default:
			'{\n  "fullName": "",\n  "mobile": "",\n  "phone": "",\n  "postCode": "",\n  "provinceText": "",\n  "cityText": "",\n  "areaText": "",\n  "townText": "",\n  "address": ""\n}',
		description:
			'One JSON object (PandaPon addressParam) with these keys: fullName, mobile, phone, provinceText, cityText, townText and address (required), postCode, areaText, districtCode (optional). Other keys are refused.',
		displayOptions: { show: { addressMode: ['json'] } },
	},
];

/** The cargo inputs; the several-sellers preview (v1 page) also needs a Spec ID on every line. */
export function cargoFields(sellerRequired: boolean, specRequired = false): INodeProperties[] {
	return [
		{
			displayName: 'Cargo Input',
			name: 'cargoMode',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: 'Add the lines below' },
				{
					name: 'JSON',
					value: 'json',
					description: 'Map a whole array of lines (PandaPon cargoParamList) from an earlier node',
				},
			],
			default: 'fields',
			description:
				'How you give the goods to buy: one row per SKU below, or one JSON list mapped from an earlier node (a sheet, a Shopify order)',
		},
		{
			displayName: 'Cargo Lines',
			name: 'cargo',
			type: 'fixedCollection',
			required: true,
			typeOptions: { multipleValues: true },
			placeholder: 'Add Line',
			default: {},
			description: 'The goods to buy: one line per product variant (SKU)',
			displayOptions: { show: { cargoMode: ['fields'] } },
			options: [
				{
					displayName: 'Line',
					name: 'line',
					// Alphabetical, as n8n's verification requires (node-param-fixed-collection-type-unsorted-items): the
					// buyer's own references are named "Your …" so that the product, quantity, seller and variant come first.
					values: [
						{
							displayName: 'Offer ID',
							// Named offerMapId for saved workflows; a numeric ID goes out as offerId (see readCargo).
							name: 'offerMapId',
							type: 'string',
							required: true,
							default: '',
							placeholder: 'e.g. L0PTnwSnx_dWNZWCtgK7Gg or 743470146022',
							description:
								'The product: its mapped ID (letters and digits, from PandaPon’s product search or the 1688 cart) or its numeric 1688 offer ID (the number in its detail.1688.com/offer/… link). A mapped ID is sent as offerMapId, a number as offerId.',
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							typeOptions: { minValue: 1, numberPrecision: 0 },
							default: 1,
						},
						{
							displayName: 'Seller Open ID',
							name: 'sellerOpenId',
							type: 'string',
							required: sellerRequired,
							default: '',
							placeholder: 'e.g. BBBgGWh2O6JFI6v1aQuZVgRIA',
							description: sellerRequired
								? 'Required: the encrypted seller ID (sellerOpenId) from the product details. Lines are grouped into one order per seller.'
								: 'Optional: the encrypted seller ID (sellerOpenId) from the product details',
						},
						{
							displayName: 'Spec ID',
							name: 'specId',
							type: 'string',
							required: specRequired,
							default: '',
							placeholder: 'e.g. e61a85a671bb3d0301d0412b51641c6b',
							description: specRequired
								? 'The variant (SKU) to buy, 32 hex characters: this preview needs it on every line'
								: 'The variant (SKU) to buy, 32 hex characters. Leave empty only for products without variants.',
						},
						{
							displayName: 'Your Container No.',
							name: 'container',
							type: 'string',
							default: '',
							description: 'Your own container number, echoed back in the order list',
						},
						{
							displayName: 'Your Product No.',
							name: 'productNo',
							type: 'string',
							default: '',
							description: 'Your own reference, echoed back in the order list',
						},
					],
				},
			],
		},
		{
			displayName: 'Cargo Lines (JSON)',
			name: 'cargoJson',
			type: 'json',
			default:
				'[\n  {\n    "offerMapId": "",\n    "specId": "",\n    "quantity": 1,\n    "sellerOpenId": ""\n  }\n]',
			description: sellerRequired
				? 'A JSON array of lines (PandaPon cargoParamList), each with: offerMapId (mapped ID) or offerId (numeric 1688 offer ID), quantity and sellerOpenId (required), specId (the SKU, required for products with variants), productNo, container (optional). Other keys are refused.'
				: 'A JSON array of lines (PandaPon cargoParamList), each with: offerMapId (mapped ID) or offerId (numeric 1688 offer ID) and quantity (required), specId (the SKU, required for products with variants), sellerOpenId, productNo, container (optional). Other keys are refused.',
			displayOptions: { show: { cargoMode: ['json'] } },
		},
	];
}

/** Trims text and drops empty fields, so an unused optional field is left out rather than sent as "". */
function clean(object: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		const trimmed = typeof value === 'string' ? value.trim() : value;
		if (trimmed !== undefined && trimmed !== null && trimmed !== '') result[key] = trimmed;
	}
	return result;
}

/** The addressParam object from the fields or the JSON parameter (validated later by the body schema). */
export function readAddress(this: IExecuteFunctions, itemIndex: number): unknown {
	const mode = this.getNodeParameter('addressMode', itemIndex, 'fields') as string;
	let address: unknown;
	if (mode === 'json') {
		address = jsonParameter.call(this, 'addressJson', 'Address (JSON)', itemIndex);
		if (!isObject(address))
			throw inputError(this, itemIndex, 'Address (JSON) must be a JSON object');
		refuseUnknownKeys(this, itemIndex, address, ADDRESS_KEYS, 'Address (JSON)');
	} else {
		address = (this.getNodeParameter('address.value', itemIndex, {}) as IDataObject) ?? {};
	}
	const cleaned = clean(address as IDataObject);
	// phone is required by the API; most warehouses have only a mobile number.
	if (!cleaned.phone && typeof cleaned.mobile === 'string') cleaned.phone = cleaned.mobile;
	return cleaned;
}

/**
 * The cargoParamList array from the fields or the JSON parameter; numeric strings become quantities. Each line
 * names its product by whichever id it was given (doc-cnv2.pandapon.com/api-288855709 uses offerMapId, doc-env2.pandapon.com/api-289121035 offerId): digits are the numeric 1688 offer ID (offerId),
 * anything else a mapped ID (offerMapId). A line mapped from an order list row, whose offerId holds the mapped ID,
 * is read the same way.
 */
export function readCargo(this: IExecuteFunctions, itemIndex: number): unknown {
	const mode = this.getNodeParameter('cargoMode', itemIndex, 'fields') as string;
	let lines: unknown;
	if (mode === 'json') {
		lines = jsonParameter.call(this, 'cargoJson', 'Cargo Lines (JSON)', itemIndex);
		if (isObject(lines)) lines = [lines];
		if (!Array.isArray(lines))
			throw inputError(this, itemIndex, 'Cargo Lines (JSON) must be a JSON array of lines');
	} else {
		lines = (this.getNodeParameter('cargo.line', itemIndex, []) as IDataObject[]) ?? [];
	}
	return (lines as unknown[]).map((line, index) => {
		if (!isObject(line)) return line;
		if (mode === 'json')
			refuseUnknownKeys(
				this,
				itemIndex,
				line,
				CARGO_KEYS,
				`Cargo Lines (JSON), line ${index + 1},`,
			);
		const cleaned = clean(line);
		if (typeof cleaned.quantity === 'string' && /^\s*\d+\s*$/.test(cleaned.quantity)) {
			cleaned.quantity = Number(cleaned.quantity);
		}
		const given = [cleaned.offerMapId, cleaned.offerId]
			.filter((v) => v !== undefined)
			.map((v) => String(v));
		if (given.length === 2 && given[0] !== given[1]) {
			throw inputError(
				this,
				itemIndex,
				`Cargo line #${index + 1}: it names two products (offerMapId "${given[0]}" and offerId "${given[1]}"); give one Offer ID`,
			);
		}
		delete cleaned.offerMapId;
		delete cleaned.offerId;
		if (given.length) {
			if (/^\d+$/.test(given[0])) cleaned.offerId = given[0];
			else cleaned.offerMapId = given[0];
		}
		return cleaned;
	});
}

/** The address as a declared field (Address Input: fields or JSON): addressParam. */
export const ADDRESS_FIELD: FieldSpec = {
	name: 'addressParam',
	displayName: 'Address',
	kind: 'collection',
	collection: { properties: addressFields, read: readAddress },
};

/**
 * The cargo lines as a declared field (Cargo Input: fields or JSON): cargoParamList. `check` runs on the lines as
 * soon as they are read, before the schema and anything sent (the several-seller preview's numeric-offer rule).
 */
export const cargoField = (
	sellerRequired: boolean,
	specRequired = false,
	check?: (ctx: IExecuteFunctions, lines: unknown, itemIndex: number) => void,
): FieldSpec => ({
	name: 'cargoParamList',
	displayName: 'Cargo Lines',
	kind: 'collection',
	collection: {
		properties: cargoFields(sellerRequired, specRequired),
		read(itemIndex) {
			const lines = readCargo.call(this, itemIndex);
			check?.(this, lines, itemIndex);
			return lines;
		},
	},
});
