import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { orderListSchema } from '../../model/order';
import { compactOrder, enrichOrder } from '../../shared/simplify';
import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { paginate } from '../../model/paging';
import { pandaponRequest } from '../../transport/request';
import {
	forOperation,
	idList,
	inputError,
	optionsCollection,
	toItems,
	validateInput,
} from '../../shared/parameters';
import { readReturnAll, returnAllProperties } from '../shared/paging';
import { concurrencyOption, outputFields, outputShape } from '../shared/output';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderList';

/** Each item is independent of the others: Options → Requests in Parallel applies. */
export const parallel = true;

export const description: INodeProperties[] = forOperation('order', 'getAll', [
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: '1688 Order ID',
				name: 'tbOrderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2542285634920880794',
				description: 'The 1688 order ID (tbOrderId), the ID the other order operations take',
			},
			{
				displayName: '1688 User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2219093763101, 2219093763102',
				description:
					'Only orders of these 1688 user IDs (PandaPon’s docs: 1688用户ID; the userId of each order), comma-separated. Sent as userIdList.',
			},
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description:
					'Only orders created at or after this time. PandaPon does not document its own time filter, so the node reads the pages and filters on createTime itself.',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description:
					'Only orders created at or before this time (filtered by the node, like Created After)',
			},
			{
				displayName: 'Order Status',
				name: 'orderStatus',
				type: 'options',
				// The one orderStatus code PandaPon's samples show (unpaid orders): the others are unpublished.
				options: [{ name: 'Awaiting Payment', value: 1 }],
				default: 1,
				description:
					'Only orders in this state (PandaPon’s orderStatus). PandaPon publishes only Awaiting Payment (1): for another code, switch to Expression and type its number, e.g. 2.',
			},
			{
				displayName: 'PandaPon Order No.',
				name: 'orderNo',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1232742280398373686',
				description: 'PandaPon’s own order number (orderNo)',
			},
		],
	},
	...outputFields(
		'order (IDs as text, statuses with labels, amounts in yuan, seller, created time, lines with name, SKU, quantity and price): about a tenth of the size',
		'yuan beside every fen amount, the JSON-text fields parsed and status labels',
	),
	optionsCollection([
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 200 },
			default: 50,
			description: 'Orders per request while paging (PandaPon does not publish its maximum)',
		},
		concurrencyOption,
	]),
]);

/** A filter date, once given: text that Date.parse reads. */
const dateSchema = z.string().refine((v) => Number.isFinite(Date.parse(v)));

/** The date and ID filters, checked before anything is sent. */
function checkFilters(ctx: IExecuteFunctions, filters: IDataObject, itemIndex: number): void {
	for (const [field, label] of [
		['createdAfter', 'Created After'],
		['createdBefore', 'Created Before'],
	] as const) {
		const value = filters[field] as string | undefined;
		if (value && !dateSchema.safeParse(value).success)
			throw inputError(ctx, itemIndex, `${label} "${value}" is not a date`);
	}
	for (const [field, label] of [
		['tbOrderId', '1688 Order ID'],
		['orderNo', 'PandaPon Order No.'],
	] as const) {
		const value = String(filters[field] ?? '').trim();
		if (value && !/^\d+$/.test(value))
			throw inputError(ctx, itemIndex, `${label} "${value}" must contain digits only`);
	}
}

/** The list body of the first page, checked by the schema. */
function listBody(
	ctx: IExecuteFunctions,
	filters: IDataObject,
	options: IDataObject,
	itemIndex: number,
) {
	const userIdList = idList(filters.userIds);
	return validateInput.call(
		ctx,
		orderListSchema,
		{
			pageNum: 1,
			pageSize: (options.pageSize as number) ?? 50,
			orderNo: String(filters.orderNo ?? '').trim() || undefined,
			tbOrderId: String(filters.tbOrderId ?? '').trim() || undefined,
			orderStatus:
				filters.orderStatus === undefined || filters.orderStatus === ''
					? undefined
					: filters.orderStatus,
			userIdList: userIdList.length ? userIdList : undefined,
		},
		itemIndex,
	);
}

/** The created-time window (the API cannot filter on time, so the node does): whether one is set, and the test. */
function timeWindow(filters: IDataObject) {
	const after = filters.createdAfter ? Date.parse(filters.createdAfter as string) : undefined;
	const before = filters.createdBefore ? Date.parse(filters.createdBefore as string) : undefined;
	const timeFiltered = after !== undefined || before !== undefined;
	const inWindow = (order: IDataObject) => {
		if (!timeFiltered) return true;
		const created = Date.parse(String(order.createTime ?? ''));
		return (
			Number.isFinite(created) &&
			(after === undefined || created >= after) &&
			(before === undefined || created <= before)
		);
	};
	return { timeFiltered, inWindow };
}

/** The output shape: Simplify, Add Readable Fields or PandaPon's rows as they are. */
function shapedOrders(shape: ReturnType<typeof outputShape>, orders: IDataObject[]) {
	if (shape === 'compact') return orders.map(compactOrder);
	return shape === 'readable' ? orders.map(enrichOrder) : orders;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { returnAll, limit } = readReturnAll.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const shape = outputShape(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	checkFilters(this, filters, itemIndex);
	const base = listBody(this, filters, options, itemIndex);
	const { timeFiltered, inWindow } = timeWindow(filters);
	// With a time window the node must read every page (the API cannot filter on time), then apply the limit.
	const orders = await paginate<IDataObject>(
		async (pageNum, pageSize) => {
			const data = (await pandaponRequest.call(this, {
				...ENDPOINTS.orderList,
				body: { ...base, pageNum, pageSize },
				idempotent: true,
				itemIndex,
			})) as IDataObject | null;
			const rows = (Array.isArray(data?.data) ? data.data : []) as IDataObject[];
			return { items: rows, total: typeof data?.total === 'number' ? data.total : undefined };
		},
		{ returnAll: returnAll || timeFiltered, limit, pageSize: base.pageSize },
	);
	const selected = orders.filter(inWindow).slice(0, returnAll ? undefined : limit);
	return toItems.call(this, shapedOrders(shape, selected), itemIndex);
}
