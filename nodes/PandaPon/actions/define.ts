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
import { paginate } from '../model/paging';
import { pandaponRequest } from '../transport/request';
import { concurrencyOption, simplifyProperty } from './shared/output';
import { orderFence, sendOnce, type Fence, type Settlement } from './shared/unknownOutcome';
import { whereToCheck } from './shared/whereToCheck';
import {
	binaryAsBase64,
	fieldProperties,
	fieldProperty,
	readField,
	type FieldSpec,
} from './shared/fields';
import { pageItems, readReturnAll, returnAllProperties, type PagingSpec } from './shared/paging';
import { assertUnverifiedAllowed, guessNotice, USE_UNVERIFIED } from './shared/unverified';
import {
	asList,
	forOperation,
	inputError,
	optionsCollection,
	toItems,
	validateInput,
} from '../shared/parameters';

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
	/**
	 * Turns the answer's data into output items (default: data as one item, a list as several); `query` is what went
	 * in the query string, `read` the fields as read, before the schema shaped them (what Preview reports it priced).
	 */
	output?: (
		data: unknown,
		sent: IDataObject,
		query: Record<string, string>,
		read: IDataObject,
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

/** The optional fields, in an Additional Fields collection sorted by name. */
function additionalFieldsProperty(optional: FieldSpec[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optional.map(fieldProperty).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The Options collection: the operation's own options, then Page Size and Requests in Parallel. */
function optionsOf(spec: OperationSpec): INodeProperties[] {
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
	return options;
}

/** The UI properties of an operation. */
export function operationProperties(spec: OperationSpec): INodeProperties[] {
	const endpoint = ENDPOINTS[spec.endpoint];
	const extra = spec.extraProperties ?? [];
	// Notices of the operation itself (real money …) come first, then the unverified-endpoint notice.
	const properties: INodeProperties[] = extra.filter((p) => p.type === 'notice');
	if (endpoint.certainty === 'inferred') properties.push(guessNotice(endpoint));
	if (isGuessedWrite(endpoint)) properties.push(USE_UNVERIFIED);
	properties.push(...extra.filter((p) => p.type !== 'notice'));
	properties.push(...spec.fields.filter((f) => !f.optional).flatMap(fieldProperties));
	if (spec.paging) properties.push(...returnAllProperties);
	if (spec.simplify) properties.push(simplifyProperty(spec.simplify.what));
	const optional = spec.fields.filter((f) => f.optional);
	if (optional.length) properties.push(additionalFieldsProperty(optional));
	const options = optionsOf(spec);
	if (options.length) properties.push(optionsCollection(options));
	return forOperation(spec.resource, spec.operation, properties);
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

/** A binary field: the file of the item's binary property, as base64 (and its file name, when asked). */
async function readBinaryField(
	ctx: IExecuteFunctions,
	field: FieldSpec,
	itemIndex: number,
	values: IDataObject,
): Promise<void> {
	const property = String(
		ctx.getNodeParameter(`${field.name}BinaryProperty`, itemIndex, 'data'),
	).trim();
	if (field.optional && !property) return;
	const file = await binaryAsBase64.call(ctx, itemIndex, property, field.displayName);
	values[field.name] = file.base64;
	if (field.fileNameField && file.fileName) values[field.fileNameField] = file.fileName;
}

/** Every field's value for this item (with the constants), named as PandaPon spells them. */
async function readValues(
	ctx: IExecuteFunctions,
	spec: OperationSpec,
	itemIndex: number,
): Promise<IDataObject> {
	const additional = spec.fields.some((f) => f.optional)
		? ((ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) ?? {})
		: {};
	const values: IDataObject = { ...spec.constants };
	for (const field of spec.fields) {
		if (field.kind === 'binary') {
			await readBinaryField(ctx, field, itemIndex, values);
			continue;
		}
		const value = readField.call(ctx, field, itemIndex, additional);
		if (value !== undefined && value !== null) values[field.name] = value;
	}
	return values;
}

/** Where each checked value goes: the path, the query or the body (the field's `in`, else by method). */
interface Placed {
	path: string;
	body: IDataObject;
	query: Record<string, string>;
	/** The values as read, before the schema (for `output`). */
	read: IDataObject;
}

function placeValues(
	spec: OperationSpec,
	endpoint: Endpoint,
	checked: IDataObject,
	preparedQuery: IDataObject,
	read: IDataObject,
): Placed {
	const defaultPlace = endpoint.method === 'GET' ? 'query' : 'body';
	const placeOf = (name: string) => spec.fields.find((f) => f.name === name)?.in ?? defaultPlace;
	// prepare() may put a value in the query as well as in the body (the refund detail wants both).
	const placed: Placed = {
		read,
		path: endpoint.path,
		body: {},
		query: Object.fromEntries(
			Object.entries(preparedQuery).map(([name, value]) => [name, String(value)]),
		),
	};
	for (const [name, value] of Object.entries(checked)) {
		if (value === undefined) continue;
		const place = placeOf(name);
		if (place === 'path')
			placed.path = placed.path.replace(`{${name}}`, encodeURIComponent(String(value)));
		else if (place === 'query') placed.query[name] = String(value);
		else placed.body[name] = value;
	}
	return placed;
}

/** The item's request, read, prepared and checked: nothing is sent here. */
async function buildRequest(
	ctx: IExecuteFunctions,
	spec: OperationSpec,
	endpoint: Endpoint,
	itemIndex: number,
): Promise<Placed> {
	const values = await readValues(ctx, spec, itemIndex);
	const request = { body: {} as IDataObject, query: {} as IDataObject };
	if (spec.prepare) await spec.prepare.call(ctx, itemIndex, request);
	Object.assign(values, request.body);
	const checked = (
		spec.schema ? validateInput.call(ctx, spec.schema, values, itemIndex) : values
	) as IDataObject;
	return placeValues(spec, endpoint, checked, request.query, values);
}

/** Simplify (when the operation has it and it is on) applied to one output or a list. */
function shaper(ctx: IExecuteFunctions, spec: OperationSpec, itemIndex: number) {
	const compact =
		spec.simplify && (ctx.getNodeParameter('simplify', itemIndex, true) as boolean)
			? spec.simplify.compact
			: undefined;
	return <T extends IDataObject | IDataObject[]>(out: T): T =>
		(compact ? (Array.isArray(out) ? out.map(compact) : compact(out)) : out) as T;
}

/** Sends the placed request (with a page's fields, when paging). Retried only when the endpoint table marks it a read. */
function sender(ctx: IExecuteFunctions, endpoint: Endpoint, placed: Placed, itemIndex: number) {
	const { path, body, query } = placed;
	return async (paging: Record<string, number> = {}) => {
		const get = endpoint.method === 'GET';
		const fullQuery = get ? { ...query, ...paging } : query;
		return await pandaponRequest.call(ctx, {
			method: endpoint.method,
			name: endpoint.name,
			access: endpoint.access,
			path,
			query: Object.keys(fullQuery).length ? fullQuery : undefined,
			body: get ? undefined : { ...body, ...paging },
			idempotent: endpoint.access === 'read',
			whereToCheck: whereToCheck(path),
			itemIndex,
		});
	};
}

type Send = ReturnType<typeof sender>;
type Shaper = ReturnType<typeof shaper>;

/** Page Size from Options, checked against the endpoint's limit. */
function readPageSize(ctx: IExecuteFunctions, paging: PagingSpec, itemIndex: number): number {
	const options = (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject) ?? {};
	const pageSize = Number(options.pageSize ?? paging.defaultPageSize);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > paging.maxPageSize) {
		throw inputError(
			ctx,
			itemIndex,
			`Page Size must be a whole number from 1 to ${paging.maxPageSize}`,
		);
	}
	return pageSize;
}

/** A list operation: pages until Return All or the Limit is met. */
async function pagedRows(
	ctx: IExecuteFunctions,
	paging: PagingSpec,
	itemIndex: number,
	send: Send,
): Promise<IDataObject[]> {
	const { returnAll, limit } = readReturnAll.call(ctx, itemIndex);
	const pageSize = readPageSize(ctx, paging, itemIndex);
	return await paginate<IDataObject>(
		async (page, size) =>
			pageItems(await send({ [paging.pageField]: page, [paging.sizeField ?? 'pageSize']: size })),
		{ returnAll, limit, pageSize },
	);
}

/** One request; a write with a settle check is sent once and its lost answer settled by a read. */
async function sendSingle(
	ctx: IExecuteFunctions,
	spec: OperationSpec,
	itemIndex: number,
	placed: Placed,
	send: Send,
): Promise<unknown> {
	const settle = spec.settle;
	if (!settle) return await send();
	const fence = spec.fenceOrders ? await orderFence(ctx, itemIndex) : undefined;
	return await sendOnce(
		ctx,
		placed.path,
		() => send(),
		(started) => settle.call(ctx, itemIndex, placed.body, started, fence),
	);
}

/** The answer's data as output items, or the item's error when the answer says the call did not do its job. */
function answerItems(
	ctx: IExecuteFunctions,
	spec: OperationSpec,
	itemIndex: number,
	placed: Placed,
	data: unknown,
	shaped: Shaper,
): INodeExecutionData[] {
	const refused = spec.refuseAnswer?.(data, placed.body);
	if (refused) throw inputError(ctx, itemIndex, refused.message, refused.description);
	const out = spec.output
		? spec.output(data, placed.body, placed.query, placed.read)
		: defaultOutput(data);
	return toItems.call(ctx, shaped(Array.isArray(out) ? asList(out) : out), itemIndex);
}

/** One item of a declared operation: read and check, the operation's own check (beforeSend), send, shape. */
async function executeDeclared(
	ctx: IExecuteFunctions,
	spec: OperationSpec,
	endpoint: Endpoint,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	assertUnverifiedAllowed.call(ctx, endpoint, itemIndex);
	const placed = await buildRequest(ctx, spec, endpoint, itemIndex);
	const send = sender(ctx, endpoint, placed, itemIndex);
	const shaped = shaper(ctx, spec, itemIndex);
	// Runs for every operation, paged or not: a refusal here means nothing is sent.
	const after = spec.beforeSend
		? await spec.beforeSend.call(ctx, itemIndex, placed.body)
		: undefined;
	const finish = async (items: INodeExecutionData[]) => (after ? await after(items) : items);
	if (spec.paging) {
		const rows = await pagedRows(ctx, spec.paging, itemIndex, send);
		return await finish(toItems.call(ctx, shaped(rows), itemIndex));
	}
	const data = await sendSingle(ctx, spec, itemIndex, placed, send);
	return await finish(answerItems(ctx, spec, itemIndex, placed, data, shaped));
}

export function defineOperation(spec: OperationSpec) {
	const endpoint = ENDPOINTS[spec.endpoint];
	return {
		description: operationProperties(spec),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
			return await executeDeclared(this, spec, endpoint, itemIndex);
		},
		endpoint: spec.endpoint,
		parallel: spec.parallel === true,
	};
}
