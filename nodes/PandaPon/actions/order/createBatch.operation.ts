import type { IDataObject } from 'n8n-workflow';

import { createBatchSchema } from '../../model/order';
import { defineOperation } from '../define';
import {
	CREATE_CONSTANTS,
	CREATE_FIELDS,
	createdOrders,
	createWithinCap,
	safetyNotice,
	settleCreateOrders,
} from '../shared/orderFlow';
import { capOptions } from '../shared/spendingCap';

/** One documented one-seller preview per seller of the lines (the v2 preview takes mapped ids too). */
function previewsBySeller(body: {
	addressParam: unknown;
	cargoParamList: Array<{ sellerOpenId?: string }>;
}) {
	const bySeller = new Map<string | undefined, unknown[]>();
	for (const line of body.cargoParamList)
		bySeller.set(line.sellerOpenId, [...(bySeller.get(line.sellerOpenId) ?? []), line]);
	return [...bySeller.values()].map((lines) => ({
		endpoint: 'orderPreview' as const,
		body: { addressParam: body.addressParam, cargoParamList: lines } as IDataObject,
	}));
}

export const { description, execute, endpoint } = defineOperation({
	resource: 'order',
	operation: 'createBatch',
	endpoint: 'orderCreateBatch',
	schema: createBatchSchema,
	extraProperties: [safetyNotice],
	fields: CREATE_FIELDS,
	constants: CREATE_CONSTANTS,
	options: capOptions.options as never,
	beforeSend: createWithinCap(previewsBySeller),
	settle: settleCreateOrders,
	fenceOrders: true,
	// One output item per created order (one per seller).
	output: (data) => createdOrders(data),
});
