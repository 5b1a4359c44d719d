/**
 * Builds an operation (its UI properties and its execute) from a short declaration: which endpoint, which fields
 * (named exactly as PandaPon spells them), which zod schema checks the body. Most operations are written this way, one
 * file each, and each still reads like the API; the README's Development section lists those that are not, and why.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import type { z } from 'zod';

import { ENDPOINTS, isGuessedWrite, type Endpoint, type EndpointName } from '../model/endpoints';
import { stringifyJson } from '../model/json';
import { paginate } from '../model/paging';
import { pandaponRequest } from '../transport/request';
import { concurrencyOption, simplifyProperty } from './shared/output';
import { orderFence, sendOnce, type Fence, type Settlement } from './shared/unknownOutcome';
import { whereToCheck } from './shared/whereToCheck';
import {
	asList,
	forOperation,
	idList,
	inputError,
	isObject,
	optionsCollection,
	parseJsonText,
	toItems,
	validateInput,
} from '../shared/parameters';

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
	| 'binary';

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
}

export interface PagingSpec {
	/** Page number field: beginPage (1688 search) or pageNo (related products, Taobao). */
	pageField: string;
	sizeField?: string;
	defaultPageSize: number;
	maxPageSize: number;
}

export interface OperationSpec {
	resource: string;
	operation: string;
	endpoint: EndpointName;
	fields: FieldSpec[];
	/** Checks (and shapes) the body/query before anything is sent; messages name the field. */
	schema?: z.ZodTypeAny;
	/** Fixed values sent with every call (e.g. country: "en"). */
	constants?: IDataObject;
	paging?: PagingSpec;
	/** Turns the answer's data into output items (default: data as one item, a list as several); `query` is what went in the query string. */
	output?: (
		data: unknown,
		sent: IDataObject,
		query: Record<string, string>,
	) => IDataObject | IDataObject[];
	/**
	 * An answer that says the call did not do its job although PandaPon accepted it (e.g. `data: false`): what to
	 * tell the user, or undefined when the answer is fine. The item then fails with that message.
	 */
	refuseAnswer?: (
		data: unknown,
		sent: IDataObject,
	) => { message: string; description: string } | undefined;
	/** A compact shape of each output item: adds a Simplify switch (on by default; off = PandaPon's answer). */
	simplify?: { what: string; compact: (item: IDataObject) => IDataObject };
	/**
	 * Each item is independent of the others (one request, or one list walk, per item): adds Options → Requests in
	 * Parallel, and the router may send several items at once when the user raises it.
	 */
	parallel?: boolean;
	/** Options of the operation's own, listed in its Options collection (before Page Size and Requests in Parallel). */
	options?: INodeProperties[];
	/** Extra UI properties (notices, modes) placed before the fields. */
	extraProperties?: INodeProperties[];
	/**
	 * Runs after validation and before the request (the spending cap's preview); may refuse by throwing, and may
	 * return a change to the output items.
	 */
	beforeSend?: (
		this: IExecuteFunctions,
		itemIndex: number,
		body: IDataObject,
	) => Promise<
		| ((items: INodeExecutionData[]) => INodeExecutionData[] | Promise<INodeExecutionData[]>)
		| undefined
	>;
	/** A write whose answer is lost: the read that tells whether it went through (see order/settle.ts). */
	settle?: (
		this: IExecuteFunctions,
		itemIndex: number,
		body: IDataObject,
		started: number,
		fence?: Fence,
	) => Promise<Settlement>;
	/** The write creates 1688 orders: the newest order is read first, so the check counts only orders made since. */
	fenceOrders?: boolean;
	/** Last-minute changes to the request (e.g. an image fetched from a URL). */
	prepare?: (
		this: IExecuteFunctions,
		itemIndex: number,
		request: { body: IDataObject; query: IDataObject },
	) => Promise<void>;
}

/** Return All / Limit, as n8n's own nodes show them. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** Reads Return All and Limit of one item (limit 0 with Return All); a Limit that is not a whole number ≥ 1 fails the item. */
export function readReturnAll(
	this: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit: number } {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw inputError(this, itemIndex, 'Limit must be a whole number of at least 1');
	}
	return { returnAll, limit };
}

/** The one notice of a guessed endpoint, in the user's words (the evidence itself is in the README table). */
function guessNotice(endpoint: Endpoint): INodeProperties {
	return {
		displayName: isGuessedWrite(endpoint)
			? 'PandaPon does not publish how this call works, so the node would send a guess, which could act wrongly on real orders or money. It runs only if you turn on Use Unverified Endpoint below.'
			: 'PandaPon does not publish this endpoint, so the node sends its best guess. If PandaPon refuses it, nothing has changed; once PandaPon gives you the right path, call it with the Signed API Call resource.',
		name: 'inferredNotice',
		type: 'notice',
		default: '',
	};
}

/** The explicit yes a guessed write needs before anything is sent. */
export const USE_UNVERIFIED: INodeProperties = {
	displayName: 'Use Unverified Endpoint',
	name: 'useUnverifiedEndpoint',
	type: 'boolean',
	default: false,
	description:
		'Whether to send this guessed request anyway. Leave off unless you have checked with PandaPon (or with the local test server) that it does what you expect.',
};

/** Refuses a guessed write unless the user said yes in this node; nothing is sent. */
function assertUnverifiedAllowed(
	this: IExecuteFunctions,
	endpoint: Endpoint,
	itemIndex: number,
): void {
	if (!isGuessedWrite(endpoint)) return;
	if (this.getNodeParameter('useUnverifiedEndpoint', itemIndex, false) === true) return;
	throw inputError(
		this,
		itemIndex,
		`This operation was not sent: PandaPon does not publish this endpoint (${endpoint.method} ${endpoint.path} is a guess) and it changes real orders or money. Turn on "Use Unverified Endpoint" in this node to send it anyway.`,
		'Nothing was sent to PandaPon. The README lists the evidence for every operation.',
	);
}

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

/** The UI properties of an operation. */
export function operationProperties(spec: OperationSpec): INodeProperties[] {
	const endpoint = ENDPOINTS[spec.endpoint];
	const properties: INodeProperties[] = [];
	if (endpoint.certainty === 'inferred') properties.push(guessNotice(endpoint));
	if (isGuessedWrite(endpoint)) properties.push(USE_UNVERIFIED);
	// Notices of the operation itself (real money …) come first, then the unverified-endpoint notice.
	const extra = spec.extraProperties ?? [];
	properties.unshift(...extra.filter((p) => p.type === 'notice'));
	properties.push(...extra.filter((p) => p.type !== 'notice'));
	properties.push(...spec.fields.filter((f) => !f.optional).map(fieldProperty));
	if (spec.paging) properties.push(...returnAllProperties);
	if (spec.simplify) properties.push(simplifyProperty(spec.simplify.what));
	const optional = spec.fields.filter((f) => f.optional);
	if (optional.length) {
		properties.push({
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: optional
				.map(fieldProperty)
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	const options: INodeProperties[] = [...(spec.options ?? [])];
	if (spec.paging) {
		const pageSize = spec.paging.defaultPageSize;
		options.push({
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: spec.paging.maxPageSize },
			default: pageSize,
			description: 'Results per request while paging',
		});
	}
	if (spec.parallel) options.push(concurrencyOption);
	if (options.length) {
		properties.push(optionsCollection(options));
	}
	return forOperation(spec.resource, spec.operation, properties);
}

function readField(
	this: IExecuteFunctions,
	field: FieldSpec,
	itemIndex: number,
	additional: IDataObject,
): unknown {
	if (field.kind === 'binary') {
		return undefined; // read asynchronously in execute()
	}
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

/** Finds the list in a paging wrapper ({data: []}, {list: []}, {records: []}) or a bare list. */
export function pageItems(data: unknown): { items: IDataObject[]; total?: number } {
	if (Array.isArray(data)) return { items: data as IDataObject[] };
	if (!isObject(data)) return { items: [] };
	const list = [data.data, data.list, data.records, data.items, data.result].find(Array.isArray) as
		| IDataObject[]
		| undefined;
	const total = [data.totalRecords, data.total, data.totalCount].find(
		(v) => typeof v === 'number',
	) as number | undefined;
	return { items: list ?? [], total };
}

/** Objects and lists as they come; nothing as an empty item; a bare true/false/text as {result}. */
function defaultOutput(data: unknown): IDataObject | IDataObject[] {
	if (data === null || data === undefined) return {};
	if (typeof data === 'object') return data as IDataObject | IDataObject[];
	return { result: data as string | number | boolean };
}

/** A resource's operation selector followed by the fields of each of its operations. */
export function resourceProperties(
	resource: string,
	defaultOperation: string,
	options: INodePropertyOptions[],
	operations: Record<string, { description: INodeProperties[] }>,
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}

export function defineOperation(spec: OperationSpec) {
	const endpoint = ENDPOINTS[spec.endpoint];
	const defaultPlace = endpoint.method === 'GET' ? 'query' : 'body';

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData[]> {
		assertUnverifiedAllowed.call(this, endpoint, itemIndex);
		const additional = spec.fields.some((f) => f.optional)
			? ((this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) ?? {})
			: {};
		const options = (this.getNodeParameter('options', itemIndex, {}) as IDataObject) ?? {};
		const values: IDataObject = { ...spec.constants };
		for (const field of spec.fields) {
			if (field.kind === 'binary') {
				const property = String(
					this.getNodeParameter(`${field.name}BinaryProperty`, itemIndex, 'data'),
				).trim();
				if (field.optional && !property) continue;
				const file = await binaryAsBase64.call(this, itemIndex, property, field.displayName);
				values[field.name] = file.base64;
				if (field.fileNameField && file.fileName) values[field.fileNameField] = file.fileName;
				continue;
			}
			const value = readField.call(this, field, itemIndex, additional);
			if (value !== undefined && value !== null) values[field.name] = value;
		}
		const request = { body: {} as IDataObject, query: {} as IDataObject };
		if (spec.prepare) await spec.prepare.call(this, itemIndex, request);
		Object.assign(values, request.body);

		const checked = (
			spec.schema ? validateInput.call(this, spec.schema, values, itemIndex) : values
		) as IDataObject;
		let path = endpoint.path;
		const body: IDataObject = {};
		// prepare() may put a value in the query as well as in the body (the refund detail wants both).
		const query: Record<string, string> = Object.fromEntries(
			Object.entries(request.query).map(([name, value]) => [name, String(value)]),
		);
		const placeOf = (name: string) => spec.fields.find((f) => f.name === name)?.in ?? defaultPlace;
		for (const [name, value] of Object.entries(checked)) {
			if (value === undefined) continue;
			const place = placeOf(name);
			if (place === 'path') path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
			else if (place === 'query') query[name] = String(value);
			else body[name] = value;
		}

		const compact =
			spec.simplify && (this.getNodeParameter('simplify', itemIndex, true) as boolean)
				? spec.simplify.compact
				: undefined;
		const shaped = <T extends IDataObject | IDataObject[]>(out: T): T =>
			(compact ? (Array.isArray(out) ? out.map(compact) : compact(out)) : out) as T;

		const send = async (paging: Record<string, number> = {}) => {
			const get = endpoint.method === 'GET';
			const fullQuery = get ? { ...query, ...paging } : query;
			return await pandaponRequest.call(this, {
				method: endpoint.method,
				name: endpoint.name,
				access: endpoint.access,
				path,
				query: Object.keys(fullQuery).length ? fullQuery : undefined,
				body: get ? undefined : { ...body, ...paging },
				// Retried only when the endpoint table marks it a read: every write is sent once.
				idempotent: endpoint.access === 'read',
				whereToCheck: whereToCheck(path),
				itemIndex,
			});
		};

		// Runs for every operation, paged or not: a refusal here means nothing is sent.
		const after = spec.beforeSend ? await spec.beforeSend.call(this, itemIndex, body) : undefined;
		const finish = async (items: INodeExecutionData[]) => (after ? await after(items) : items);

		if (spec.paging) {
			const paging = spec.paging;
			const { returnAll, limit } = readReturnAll.call(this, itemIndex);
			const pageSize = Number(options.pageSize ?? paging.defaultPageSize);
			if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > paging.maxPageSize) {
				throw inputError(
					this,
					itemIndex,
					`Page Size must be a whole number from 1 to ${paging.maxPageSize}`,
				);
			}
			const rows = await paginate<IDataObject>(
				async (page, size) =>
					pageItems(
						await send({ [paging.pageField]: page, [paging.sizeField ?? 'pageSize']: size }),
					),
				{ returnAll, limit, pageSize },
			);
			return await finish(toItems.call(this, shaped(rows), itemIndex));
		}

		const settle = spec.settle;
		const fence = settle && spec.fenceOrders ? await orderFence(this, itemIndex) : undefined;
		const data = settle
			? await sendOnce(
					this,
					path,
					() => send(),
					(started) => settle.call(this, itemIndex, body, started, fence),
				)
			: await send();
		const refused = spec.refuseAnswer?.(data, body);
		if (refused) throw inputError(this, itemIndex, refused.message, refused.description);
		const out = spec.output ? spec.output(data, body, query) : defaultOutput(data);
		const items = toItems.call(this, shaped(Array.isArray(out) ? asList(out) : out), itemIndex);
		return await finish(items);
	}

	return {
		description: operationProperties(spec),
		execute,
		endpoint: spec.endpoint,
		parallel: spec.parallel === true,
	};
}
