/**
 * The declared fields of an operation: their kinds, their UI property, and how one item's value is read (named
 * exactly as PandaPon spells them). Declarations (actions/define.ts) and the hand-written operations share them.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { stringifyJson } from '../../model/json';
import { idList, inputError, parseJsonText } from '../../shared/parameters';

/** `code`: a whole-number code typed as text (empty by default, so nothing is pre-filled); `epochMs`: a date picker sent as epoch milliseconds. */
export type FieldKind =
	| 'text'
	| 'id'
	| 'idList'
	| 'number'
	| 'code'
	| 'epochMs'
	| 'boolean'
	| 'options'
	| 'json'
	| 'jsonText'
	| 'binary'
	| 'collection';

export interface FieldSpec {
	/** The API field name, also the parameter name (except `binary`, whose parameter names the input property). */
	name: string;
	displayName: string;
	kind: FieldKind;
	required?: boolean;
	/** Shown under "Additional Fields" instead of on its own. */
	optional?: boolean;
	default?: string | number | boolean;
	description?: string;
	placeholder?: string;
	options?: INodePropertyOptions[];
	/** Where it goes: the JSON body (default for POST) or the query string (default for GET), or the URL path. */
	in?: 'body' | 'query' | 'path';
	/** binary only: the API field that also receives the input file's name (when it has one). */
	fileNameField?: string;
	/**
	 * collection only: a value made of several properties (a mode, a form, a JSON alternative), such as an address
	 * or cargo lines: the properties shown, and how one item's value is read from them (checked by the schema).
	 */
	collection?: {
		properties: INodeProperties[];
		read: (this: IExecuteFunctions, itemIndex: number) => unknown;
	};
}

/** The UI properties of one declared field: one, or a collection's several. */
export const fieldProperties = (field: FieldSpec): INodeProperties[] =>
	field.collection ? field.collection.properties : [fieldProperty(field)];

/** The UI property of one declared field (also used by hand-written operations that share a field with a declaration). */
export function fieldProperty(field: FieldSpec): INodeProperties {
	const base = {
		displayName: field.displayName,
		name: field.name,
		description: field.description,
		placeholder: field.placeholder,
		required: field.optional ? undefined : field.required,
	};
	switch (field.kind) {
		case 'number':
			return { ...base, type: 'number', default: field.default ?? 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default ?? false };
		case 'epochMs':
			return { ...base, type: 'dateTime', default: '' };
		case 'options':
			return {
				...base,
				type: 'options',
				options: field.options ?? [],
				default: field.default ?? field.options?.[0]?.value ?? '',
			};
		case 'json':
		case 'jsonText':
			return { ...base, type: 'json', default: field.default ?? '' };
		case 'binary':
			return {
				...base,
				name: `${field.name}BinaryProperty`,
				type: 'string',
				default: field.default ?? 'data',
				hint: 'The name of the input item’s binary property that holds the file',
			};
		default:
			return { ...base, type: 'string', default: field.default ?? '' };
	}
}

export function readField(
	this: IExecuteFunctions,
	field: FieldSpec,
	itemIndex: number,
	additional: IDataObject,
): unknown {
	if (field.kind === 'binary') {
		return undefined; // read asynchronously (binaryAsBase64)
	}
	if (field.collection) return field.collection.read.call(this, itemIndex);
	const raw = field.optional
		? additional[field.name]
		: this.getNodeParameter(field.name, itemIndex, field.default ?? '');
	switch (field.kind) {
		case 'text':
		case 'id':
		case 'options':
			return typeof raw === 'string' ? raw.trim() || undefined : raw;
		case 'code': {
			const text = typeof raw === 'string' ? raw.trim() : raw;
			if (text === '' || text === undefined || text === null) return undefined;
			// PandaPon's codes are whole numbers from 0: a negative one is refused before sending (the schema checks the rest).
			if (/^\s*-/.test(String(text)))
				throw inputError(
					this,
					itemIndex,
					`${field.displayName} (${field.name}) must be 0 or more (got ${String(text)})`,
				);
			return text;
		}
		case 'epochMs': {
			if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
				return undefined;
			const ms = typeof raw === 'number' ? raw : Date.parse(String(raw));
			if (!Number.isFinite(ms))
				throw inputError(
					this,
					itemIndex,
					`${field.displayName} must be a date (got "${String(raw)}")`,
				);
			return ms;
		}
		case 'idList': {
			const ids = idList(raw);
			return ids.length ? ids : undefined;
		}
		case 'json': {
			if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
			if (typeof raw !== 'string') return raw;
			return parseJsonText(this, raw, field.displayName, itemIndex);
		}
		case 'jsonText': {
			// Sent as a JSON *string* (the API wants JSON inside JSON here): parsed to check it, then written back.
			if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
			const value =
				typeof raw === 'string' ? parseJsonText(this, raw, field.displayName, itemIndex) : raw;
			return stringifyJson(value);
		}
		default:
			return raw;
	}
}

/** Reads a binary property of the input item as base64; names the field and the item when it is missing. */
export async function binaryAsBase64(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	label: string,
): Promise<{ base64: string; fileName?: string; mimeType?: string }> {
	const item = this.getInputData()[itemIndex];
	const binary = item?.binary?.[propertyName];
	if (!binary) {
		throw inputError(
			this,
			itemIndex,
			`${label}: the input item has no binary property "${propertyName}"`,
		);
	}
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	if (!buffer.length)
		throw inputError(this, itemIndex, `${label}: binary property "${propertyName}" is empty`);
	return {
		base64: buffer.toString('base64'),
		fileName: binary.fileName,
		mimeType: binary.mimeType,
	};
}
