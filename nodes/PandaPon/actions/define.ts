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

import { ENDPOINTS, isGuessedWrite, type EndpointName } from '../model/endpoints';
import { paginate } from '../model/paging';
import { pandaponRequest } from '../transport/request';
import { concurrencyOption, simplifyProperty } from './shared/output';
import { orderFence, sendOnce, type Fence, type Settlement } from './shared/unknownOutcome';
import { whereToCheck } from './shared/whereToCheck';
import { binaryAsBase64, fieldProperty, readField, type FieldSpec } from './shared/fields';
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
