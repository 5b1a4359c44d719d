/** Helpers shared by the operations: parameter validation, id lists, JSON parameters, output items. */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import type { z } from 'zod';

import { describeZodError } from '../model/values';
import { parseJson } from '../model/json';

const FIELD_LABELS: Record<string, string> = {
	addressParam: 'Address',
	orderAddress: 'Delivery Address',
	cargoParamList: 'Cargo line',
	orderIds: 'Order ID',
	orderEntryIds: 'Sub-order ID',
	cartIds: 'Cart ID',
	ids: 'Cart ID',
	vouchers: 'Voucher',
	refundImages: 'Image',
	orderEntryCountList: 'Quantity line',
	priceRanges: 'Price range',
};

/** n8n's "Options" collection (optional settings that are not API fields), holding these options. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** Shows the given properties only for one resource/operation. */
export function forOperation(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/** Validates what is about to be sent; a failure names the item and the field, and nothing is sent. */
export function validateInput<T extends z.ZodTypeAny>(
	this: IExecuteFunctions,
	schema: T,
	value: unknown,
	itemIndex: number,
): z.infer<T> {
	const result = schema.safeParse(value);
	if (!result.success) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex + 1}: ${describeZodError(result.error, FIELD_LABELS)}`,
			{
				itemIndex,
				description: 'Nothing was sent to PandaPon. Correct the field named above and run again.',
			},
		);
	}
	return result.data;
}

export function inputError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description = 'Nothing was sent to PandaPon. Correct the field named above and run again.',
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: ${message}`, {
		itemIndex,
		description,
	});
}

/** Ids typed as "1, 2" or one per line, or mapped as an array; kept as strings (they do not fit a number). */
export function idList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(/[\s,;]+/);
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** JSON typed by the user, parsed losslessly (19-digit ids survive); a parse error names the field and the item. */
export function parseJsonText(
	ctx: IExecuteFunctions,
	text: string,
	label: string,
	itemIndex: number,
): unknown {
	try {
		return parseJson(text);
	} catch (error) {
		throw inputError(ctx, itemIndex, `${label} is not valid JSON (${(error as Error).message})`);
	}
}

/** A JSON parameter (string or already-parsed value), parsed losslessly; names the field on failure. */
export function jsonParameter(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): unknown {
	const raw = this.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	return parseJsonText(this, raw, label, itemIndex);
}

export function toItems(
	this: IExecuteFunctions,
	data: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(data), {
		itemData: { item: itemIndex },
	});
}

/** An answer that may be a list, one object or nothing, as a list (nothing = empty). */
export function asList(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data as IDataObject[];
	return data === null || data === undefined ? [] : [data as IDataObject];
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
