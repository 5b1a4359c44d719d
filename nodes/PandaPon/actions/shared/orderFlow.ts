import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { fieldProperty, type FieldSpec } from './fields';
import { pandaponRequest } from '../../transport/request';
import { asList, forOperation, toItems } from '../../shared/parameters';
import { orderFence, sendOnce, settleCreate, type Expected } from './unknownOutcome';
import { capOptions, checkCreatedTotals, enforceCap, readCap } from './spendingCap';
import { whereToCheck } from './whereToCheck';
import { addressFields, cargoFields, readAddress, readCargo } from './cargoAndAddress';

/** Order Flow, as every 1688 order-creating operation asks it (Create, Create for Several Sellers, Cart → Create Order). */
export const ORDER_FLOW: FieldSpec = {
	name: 'flow',
	displayName: 'Order Flow',
	kind: 'options',
	default: 'general',
	options: [
		{ name: 'General', value: 'general', description: 'Standard 1688 purchase (the usual choice)' },
		{ name: 'Distribution (Fenxiao)', value: 'fenxiao' },
		{ name: 'Sale Proxy', value: 'saleproxy' },
	],
	description:
		'How 1688 processes the order. General is the standard purchase and the only flow in PandaPon’s samples; Distribution (Fenxiao) and Sale Proxy are for sellers with those 1688 agreements.',
};

export const orderFields: INodeProperties[] = [fieldProperty(ORDER_FLOW)];

export const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Message to Seller',
			name: 'message',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Platform Order Channel',
			name: 'platformOrder',
			type: 'number',
			default: 0,
			description: 'PandaPon order channel code. Keep 0 unless PandaPon told you otherwise.',
		},
		{
			displayName: 'Shop Promotion ID',
			name: 'shopPromotionId',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Staff Name',
			name: 'staffName',
			type: 'string',
			default: '',
			description: 'Employee name stored on the order',
		},
		{
			displayName: 'Trade Type',
			name: 'tradeType',
			type: 'string',
			default: '',
			description: '1688 trade-mode code. Leave empty to let the platform choose.',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			description: 'PandaPon user the order belongs to (defaults to the credential’s user)',
		},
	],
};

export const safetyNotice: INodeProperties = {
	displayName:
		'This places a real 1688 order and moves real money (there is no sandbox). The node sends it once and never repeats it automatically; run Preview first to check prices, or set Options → Max Order Total (CNY).',
	name: 'createNotice',
	type: 'notice',
	default: '',
};

/** The create body before validation. */
export function readCreateBody(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		flow: this.getNodeParameter('flow', itemIndex, 'general'),
		addressParam: readAddress.call(this, itemIndex) as IDataObject,
		cargoParamList: readCargo.call(this, itemIndex) as IDataObject[],
		platformOrder: 0,
	};
	for (const [key, value] of Object.entries(extra)) {
		if (value !== '' && value !== undefined && value !== null) body[key] = value;
	}
	return body;
}

/** The 1688 order ID of a created order (an order-detail object: baseInfo.idOfStr or id), or null. */
export function createdOrderId(order: IDataObject): string | null {
	const base = (order?.baseInfo ?? {}) as IDataObject;
	const id = base.idOfStr ?? (base.id !== undefined && base.id !== null ? base.id : undefined);
	return id === undefined || id === null || id === '' ? null : String(id);
}

/**
 * One output item per created order: the 1688 order ID, its status and its total lifted to the top, the total named
 * with its unit (1688's trade object, baseInfo, gives yuan where the order list gives fen).
 */
export function createdOrders(data: unknown): IDataObject[] {
	return asList(data).map((order) => {
		const base = (order?.baseInfo ?? {}) as IDataObject;
		return {
			orderId: createdOrderId(order),
			status: base.status ?? null,
			totalAmountYuan: base.totalAmount ?? null,
			...order,
		};
	});
}

/** What the orders of this create body must show in the order list (one per seller), for the check after a lost answer. */
export function expectedOrders(body: {
	addressParam: { fullName?: string; mobile?: string };
	cargoParamList: Array<{ sellerOpenId?: string; specId?: string; quantity: number }>;
}): Expected {
	const bySeller = new Map<string, Expected['sellers'][number]>();
	for (const line of body.cargoParamList) {
		const seller = line.sellerOpenId ?? '';
		const group = bySeller.get(seller) ?? { sellerOpenId: line.sellerOpenId, lines: [] };
		group.lines.push({ specId: line.specId, quantity: line.quantity });
		bySeller.set(seller, group);
	}
	return {
		sellers: [...bySeller.values()],
		receiver: { fullName: body.addressParam.fullName, mobile: body.addressParam.mobile },
	};
}

/**
 * Sends a checked create body once to the documented batch create (it takes one seller too: the v2 single-create
 * page shows no body). Never retried (no idempotency key); a lost answer is settled by reading the orders created
 * since a fence read just before. One output item per created order; with a cap, their own totals are checked.
 */
export async function sendCreate(
	this: IExecuteFunctions,
	itemIndex: number,
	body: Parameters<typeof expectedOrders>[0] & IDataObject,
	cap?: { yuan: number; previewedYuan: number },
): Promise<INodeExecutionData[]> {
	const fence = await orderFence(this, itemIndex);
	const data = await sendOnce(
		this,
		ENDPOINTS.orderCreateBatch.path,
		() =>
			pandaponRequest.call(this, {
				...ENDPOINTS.orderCreateBatch,
				body,
				whereToCheck: whereToCheck(ENDPOINTS.orderCreateBatch.path),
				itemIndex,
			}),
		(started) => settleCreate(this, itemIndex, started, expectedOrders(body), fence),
	);
	const items = toItems.call(this, createdOrders(data), itemIndex);
	return cap
		? await checkCreatedTotals.call(this, itemIndex, cap.yuan, cap.previewedYuan, items)
		: items;
}

/** The fields of the two 1688 Create operations (one seller, several sellers): the same form. */
export const createProperties = (operation: 'create' | 'createBatch'): INodeProperties[] =>
	forOperation('order', operation, [
		safetyNotice,
		...orderFields,
		...addressFields,
		...cargoFields(true),
		additionalFields,
		capOptions,
	]);

/**
 * A 1688 Create within Max Order Total: when the cap is set, the documented previews of what is about to be ordered
 * first (refused above the cap, with nothing ordered), then the create, sent once; one output item per order.
 */
export async function createWithinCap(
	this: IExecuteFunctions,
	itemIndex: number,
	body: Parameters<typeof sendCreate>[1],
	previews: Array<{ endpoint: EndpointName; body: IDataObject }>,
): Promise<INodeExecutionData[]> {
	const cap = readCap(this, itemIndex);
	const previewed = cap ? await enforceCap.call(this, itemIndex, cap, previews) : undefined;
	return await sendCreate.call(
		this,
		itemIndex,
		body,
		cap ? { yuan: cap, previewedYuan: previewed! } : undefined,
	);
}
