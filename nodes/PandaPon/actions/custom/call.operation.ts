import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { stringifyJson } from '../../model/json';
import { normalisePath } from '../../model/access';
import { safetySetting } from '../../model/safety';
import { pandaponRequest } from '../../transport/request';
import {
	forOperation,
	inputError,
	isObject,
	jsonParameter,
	toItems,
} from '../../shared/parameters';
import { whereToCheck } from '../shared/whereToCheck';

/** No fixed endpoint: the user gives the method and path. */
export const endpoint = null;

export const description: INodeProperties[] = forOperation('custom', 'call', [
	{
		displayName:
			'For PandaPon endpoints this node has no operation for: signed with your keys like every operation, the answer’s data returned as it comes with 19-digit IDs exact. n8n’s own “Custom API Call” entry is a plain HTTP Request with this credential; its output can round long IDs.',
		name: 'customNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
		],
		default: 'POST',
	},
	{
		displayName: 'API Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. /v2/alibaba/order/page',
		description: 'The path after the Base URL of the credential',
	},
	{
		displayName: 'Query Parameters (JSON)',
		name: 'query',
		type: 'json',
		default: '{}',
		description: 'A JSON object of query parameters',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The JSON body (POST). Long integers are sent exactly as written.',
		displayOptions: { show: { method: ['POST'] } },
	},
	safetySetting<INodeProperties>({
		displayName: 'Safe to Repeat',
		name: 'idempotent',
		type: 'boolean',
		default: false,
		description:
			'Whether the call only reads, so it may be retried after a network error or 5xx. Leave off for anything that orders, pays, cancels or changes data. A path the node knows as a write is never retried, and a Read Only credential sends only paths the node knows as reads, whatever this says.',
	}),
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const method = this.getNodeParameter('method', itemIndex) as 'GET' | 'POST';
	const typed = String(this.getNodeParameter('path', itemIndex, '') ?? '').trim();
	if (!/^\/[A-Za-z0-9/_.-]*$/.test(typed)) {
		throw inputError(
			this,
			itemIndex,
			`API Path "${typed}" must be a path starting with / made of letters, digits and / _ . - (e.g. /v2/alibaba/order/page); put query parameters under Query Parameters (JSON)`,
		);
	}
	// What is sent is the path as a server would read it ("a/../b" → "b"), so what Read Only judges is what goes out.
	const path = normalisePath(typed) ?? typed;
	const query = jsonParameter.call(this, 'query', 'Query Parameters (JSON)', itemIndex) ?? {};
	if (!isObject(query))
		throw inputError(this, itemIndex, 'Query Parameters (JSON) must be a JSON object');
	// The body is checked to be JSON, then sent as typed, so long integers keep every digit.
	const bodyParameter =
		method === 'POST' ? this.getNodeParameter('body', itemIndex, '{}') : undefined;
	if (method === 'POST') jsonParameter.call(this, 'body', 'Body (JSON)', itemIndex);
	const rawBody =
		bodyParameter === undefined
			? undefined
			: typeof bodyParameter === 'string'
				? bodyParameter.trim() || '{}'
				: stringifyJson(bodyParameter);
	const data = await pandaponRequest.call(this, {
		method,
		path,
		query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
		rawBody,
		idempotent: this.getNodeParameter('idempotent', itemIndex, false) as boolean,
		whereToCheck: whereToCheck(path),
		itemIndex,
	});
	return toItems.call(
		this,
		isObject(data) || Array.isArray(data) ? (data as IDataObject) : { data: data as never },
		itemIndex,
	);
}
