import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, isObject } from '../../shared/parameters';

/** How each family of list endpoints pages: the page-number field PandaPon names, and its page sizes. */
export const SEARCH_PAGING = { pageField: 'beginPage', defaultPageSize: 20, maxPageSize: 50 };
export const PAGE_NO_PAGING = { pageField: 'pageNo', defaultPageSize: 20, maxPageSize: 50 };
export const TAOBAO_PAGING = { pageField: 'pageNo', defaultPageSize: 20, maxPageSize: 40 };

export interface PagingSpec {
	/** Page number field: beginPage (1688 search) or pageNo (related products, Taobao). */
	pageField: string;
	sizeField?: string;
	defaultPageSize: number;
	maxPageSize: number;
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
