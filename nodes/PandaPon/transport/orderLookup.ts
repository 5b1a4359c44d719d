/**
 * One 1688 order as the documented order list shows it (doc-th.pandapon.com/api-289190488, filtered by tbOrderId):
 * the read that the settling checks after a lost answer, the spending limits and the trigger's Confirm With
 * PandaPon all make. A read: retried per the caller's bounds, never a write.
 */
import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../model/endpoints';
import { pandaponRequest, type PandaPonContext } from './request';

/** The order of that 1688 order ID, or undefined when the list does not show it. */
export async function orderRow(
	ctx: PandaPonContext,
	tbOrderId: string,
	bounds: { itemIndex?: number; timeoutMs: number; maxAttempts: number },
): Promise<IDataObject | undefined> {
	const data = (await pandaponRequest.call(ctx, {
		...ENDPOINTS.orderList,
		body: { pageNum: 1, pageSize: 10, tbOrderId },
		idempotent: true,
		...bounds,
	})) as IDataObject | null;
	const rows = Array.isArray(data?.data) ? (data!.data as IDataObject[]) : [];
	return rows.find((row) => String(row.tbOrderId ?? '') === tbOrderId);
}

/** An order's total in fen from the list (documented in fen), or undefined when it carries none. */
export function rowTotalFen(row: IDataObject): number | undefined {
	const value = row.totalAmount;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
	return undefined;
}
