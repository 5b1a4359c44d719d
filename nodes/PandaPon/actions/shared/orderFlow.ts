import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { EndpointName } from '../../model/endpoints';
import { asList } from '../../shared/parameters';
import type { FieldSpec } from './fields';
import { settleCreate, type Expected, type Fence } from './unknownOutcome';
import { checkCreatedTotals, enforceCap, readCap } from './spendingCap';
import { ADDRESS_FIELD, cargoField } from './cargoAndAddress';

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

/** The optional fields of the two 1688 Create operations (Additional Fields), as PandaPon names them. */
const CREATE_OPTIONAL: FieldSpec[] = [
	{ name: 'message', displayName: 'Message to Seller', kind: 'text', optional: true },
	{
		name: 'platformOrder',
		displayName: 'Platform Order Channel',
		kind: 'number',
		optional: true,
		default: 0,
		description: 'PandaPon order channel code. Keep 0 unless PandaPon told you otherwise.',
	},
	{ name: 'shopPromotionId', displayName: 'Shop Promotion ID', kind: 'text', optional: true },
	{
		name: 'staffName',
		displayName: 'Staff Name',
		kind: 'text',
		optional: true,
		description: 'Employee name stored on the order',
	},
	{
		name: 'tradeType',
		displayName: 'Trade Type',
		kind: 'text',
		optional: true,
		description: '1688 trade-mode code. Leave empty to let the platform choose.',
	},
	{
		name: 'userId',
		displayName: 'User ID',
		kind: 'text',
		optional: true,
		description: 'PandaPon user the order belongs to (defaults to the credential’s user)',
	},
];

/** The fields of the two 1688 Create operations (one seller, several sellers): the same form. */
export const CREATE_FIELDS: FieldSpec[] = [
	ORDER_FLOW,
	ADDRESS_FIELD,
	cargoField(true),
	...CREATE_OPTIONAL,
];

/** platformOrder is sent as 0 unless Additional Fields say otherwise. */
export const CREATE_CONSTANTS = { platformOrder: 0 };

export const safetyNotice: INodeProperties = {
	displayName:
		'This places a real 1688 order and moves real money (there is no sandbox). The node sends it once and never repeats it automatically; run Preview first to check prices, or set Options → Max Order Total (CNY).',
	name: 'createNotice',
	type: 'notice',
	default: '',
};

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

type CreateBody = Parameters<typeof expectedOrders>[0] & IDataObject;

/**
 * A 1688 Create's lost answer: the orders created since the fence read just before (never settled as "did not go
 * through": PandaPon keeps no reference to tell this request's order from an identical one).
 */
export function settleCreateOrders(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	started: number,
	fence?: Fence,
) {
	return settleCreate(this, itemIndex, started, expectedOrders(body as CreateBody), fence);
}

/**
 * Max Order Total of a 1688 Create: when the cap is set, the documented previews of what is about to be ordered
 * first (refused above the cap, with nothing ordered); after the create (sent once, never retried: no idempotency
 * key), each created order's own total is checked. `check` runs first (the one-seller rule).
 */
export function createWithinCap(
	previewsOf: (body: CreateBody) => Array<{ endpoint: EndpointName; body: IDataObject }>,
	check?: (ctx: IExecuteFunctions, body: CreateBody, itemIndex: number) => void,
) {
	return async function beforeSend(this: IExecuteFunctions, itemIndex: number, body: IDataObject) {
		check?.(this, body as CreateBody, itemIndex);
		const cap = readCap(this, itemIndex);
		if (!cap) return undefined;
		const previewed = await enforceCap.call(this, itemIndex, cap, previewsOf(body as CreateBody));
		return async (items: INodeExecutionData[]) =>
			await checkCreatedTotals.call(this, itemIndex, cap, previewed, items);
	};
}
