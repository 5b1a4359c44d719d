/**
 * The local server's in-memory 1688 order store and its state machine:
 * awaiting payment → paid (awaiting shipment) → shipped → received; cancel only before payment.
 * The numeric status codes beyond orderStatus 1 / payStatus 1–2 are this server's own: PandaPon does not
 * publish them.
 */
import { EventEmitter } from 'events';

import {
	cargoOfferId,
	type AddressParam,
	type CargoParam,
	type CargoV1,
} from '../../../nodes/PandaPon/model/order';
import { Catalog, type Offer } from './catalog';
import { Random } from './random';

export const ORDER_STATUS = {
	awaitingPayment: 1,
	awaitingShipment: 2,
	shipped: 3,
	received: 4,
	cancelled: 6,
} as const;
export const PAY_STATUS = { unpaid: 1, paid: 2 } as const;

/** 1688 trade status strings of the order-detail object (as seen in samples; not published as a list). */
const TRADE_STATUS: Record<number, string> = {
	1: 'waitbuyerpay',
	2: 'waitsellersend',
	3: 'waitbuyerreceive',
	4: 'confirm_goods',
	6: 'cancel',
};

export class BusinessError extends Error {
	constructor(
		message: string,
		readonly code = 500,
	) {
		super(message);
	}
}

export interface OrderItem {
	id: string;
	subTbOrderId: string;
	offer: Offer;
	specId: string;
	skuId: string;
	attributes: Array<{ name: string; value: string }>;
	quantity: number;
	priceFen: number;
	itemAmountFen: number;
	productNo: string;
	container: string;
	createTime: number;
}

export interface Logistics {
	logisticsId: string;
	logisticsBillNo: string;
	logisticsCompanyName: string;
	steps: Array<{ acceptTime: string; remark: string }>;
}

export interface Order {
	id: string;
	orderNo: string;
	tbOrderId: string;
	flow: string;
	tradeType: string;
	message: string | null;
	shopPromotionId: string | null;
	userId: string;
	staffName: string;
	platformOrder: number;
	seller: { sellerOpenId: string; sellerLoginId: string };
	address: AddressParam;
	cargo: CargoParam[];
	items: OrderItem[];
	shippingFeeFen: number;
	discountFen: number;
	orderStatus: number;
	payStatus: number;
	refundStatus: number;
	refundAmountFen: number;
	closeReason: string | null;
	createTime: number;
	tbCreateTime: number;
	payTime: number | null;
	shipTime: number | null;
	receiveTime: number | null;
	logistics: Logistics | null;
	/** When the order last changed (and a tie-breaker): what a list ordered by last update sorts on. */
	updatedAt?: number;
	updateSeq?: number;
}

export type OrderEventType =
	| 'ORDER_CREATE'
	| 'ORDER_CANCEL'
	| 'ORDER_PAY_SUCCESS'
	| 'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY'
	| 'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND';

export const DEVELOP_ID = '1110890638347337996';

/** ISO-8601 with the +08:00 offset the order list uses. */
export function chinaIso(ms: number): string {
	const shifted = new Date(ms + 8 * 3600_000).toISOString().replace('Z', '');
	return `${shifted}+08:00`;
}

/** yyyy-MM-dd HH:mm:ss in China time, as push bodies use. */
export function chinaClock(ms: number): string {
	return chinaIso(ms).slice(0, 19).replace('T', ' ');
}

const CARRIERS = ['中通快递', '圆通速递', '韵达快递', '申通快递', '顺丰速运'];

export class OrderStore extends EventEmitter {
	readonly catalog: Catalog;
	private readonly orders: Order[] = []; // newest first
	private readonly byTbOrderId = new Map<string, Order>();
	private readonly rnd: Random;
	/** The largest page the order list answers (unset: any); ServerOptions.maxPageSize. */
	maxPageSize?: number;
	/**
	 * How the order list is sorted (PandaPon does not document it): newest created first, or most recently
	 * changed first (ServerOptions.listOrder), to test clients against either.
	 */
	listOrder: 'created' | 'updated' = 'created';
	/**
	 * This server's clock against the real one, in ms (ServerOptions / POST /__admin/clock): orders are created,
	 * paid, shipped and received at its time, as on a PandaPon whose clock differs from the client's.
	 */
	clockSkewMs = 0;
	/**
	 * How far behind the order list runs, in ms (ServerOptions.listLagMs; 0 = up to date): it shows each order as
	 * it was that long ago, and an order created since then not at all, as a list served from a lagging replica.
	 */
	listLagMs = 0;
	private readonly history = new Map<string, Array<{ at: number; copy: Order }>>();
	private updates = 0;

	constructor(
		options: { seedOrders?: number; seed?: number; now?: number; catalog?: Catalog } = {},
	) {
		super();
		this.catalog = options.catalog ?? new Catalog();
		this.rnd = new Random(options.seed ?? 20250424);
		this.seed(options.seedOrders ?? 1000, options.now ?? Date.now());
		// A change that goes out as an event is also the order's last update (ship and receipt have no event).
		this.on('event', (_type: string, order: Order) => this.touch(order));
	}

	/** Now on this server's clock (see clockSkewMs). */
	now(): number {
		return Date.now() + this.clockSkewMs;
	}

	private touch(order: Order): void {
		order.updatedAt = this.now();
		order.updateSeq = ++this.updates;
		this.remember(order);
	}

	/** With a lagging list, what the order looks like now, for the list to show once the lag has passed. */
	private remember(order: Order): void {
		if (!this.listLagMs) return;
		const versions = this.history.get(order.tbOrderId) ?? [];
		versions.push({ at: Date.now(), copy: structuredClone(order) });
		if (versions.length > 20) versions.shift();
		this.history.set(order.tbOrderId, versions);
	}

	/** The order as the lagging list shows it: its latest version older than the lag, or none yet. */
	private lagged(order: Order, cutoff: number): Order | undefined {
		const versions = this.history.get(order.tbOrderId);
		if (!versions) return order; // unchanged since the lag was set: as it is
		let shown: Order | undefined;
		for (const version of versions) if (version.at <= cutoff) shown = version.copy;
		return shown;
	}

	/** The orders in list order (see listOrder), as a lagging list would show them (see listLagMs). */
	listed(): readonly Order[] {
		const current = this.sorted();
		if (!this.listLagMs) return current;
		const cutoff = Date.now() - this.listLagMs;
		return current.map((o) => this.lagged(o, cutoff)).filter((o): o is Order => !!o);
	}

	private sorted(): readonly Order[] {
		if (this.listOrder === 'created') return this.orders;
		const updated = (o: Order) =>
			o.updatedAt ?? Math.max(o.createTime, o.payTime ?? 0, o.shipTime ?? 0, o.receiveTime ?? 0);
		return [...this.orders].sort(
			(a, b) => updated(b) - updated(a) || (b.updateSeq ?? 0) - (a.updateSeq ?? 0),
		);
	}

	get size(): number {
		return this.orders.length;
	}

	all(): readonly Order[] {
		return this.orders;
	}

	get(tbOrderId: string): Order | undefined {
		return this.byTbOrderId.get(tbOrderId);
	}

	require(tbOrderId: string): Order {
		const order = this.get(tbOrderId);
		if (!order) throw new BusinessError(`订单不存在 (order ${tbOrderId} not found)`);
		return order;
	}

	private newId(prefix: string): string {
		let id: string;
		do id = prefix + this.rnd.digits(19 - prefix.length);
		while (this.byTbOrderId.has(id));
		return id;
	}

	private seed(count: number, now: number): void {
		const statuses = [
			ORDER_STATUS.awaitingPayment,
			ORDER_STATUS.awaitingShipment,
			ORDER_STATUS.shipped,
			ORDER_STATUS.received,
			ORDER_STATUS.received,
			ORDER_STATUS.cancelled,
		];
		const userIds = ['2219093763101', '2219093763102', '2219093763103'];
		const address: AddressParam = {
			fullName: 'zhang',
			mobile: '18600888861',
			phone: '18600888861',
			postCode: '100000',
			provinceText: '浙江省',
			cityText: '杭州市',
			areaText: '西湖区',
			townText: '转塘',
			address: 'xxxxxxx',
			districtCode: '330106',
		};
		const created: Order[] = [];
		for (let i = 0; i < count; i++) {
			const createTime =
				now - Math.floor(((count - i) / count) * 90 * 86400_000) - this.rnd.int(0, 3600_000);
			const seller = this.rnd.pick(this.catalog.sellers);
			const offers = this.catalog.offers.filter((o) => o.sellerOpenId === seller.sellerOpenId);
			const lines: CargoParam[] = [];
			for (let n = this.rnd.int(1, 3); n > 0; n--) {
				const offer = this.rnd.pick(offers);
				const spec = this.rnd.pick(offer.specs);
				if (lines.some((l) => l.specId === spec.specId)) continue;
				lines.push({
					offerMapId: offer.offerMapId,
					specId: spec.specId,
					quantity: this.rnd.int(1, 20),
					sellerOpenId: seller.sellerOpenId,
					productNo: offer.offerMapId,
				});
			}
			const order = this.build(
				{
					flow: 'general',
					address,
					cargo: lines,
					userId: this.rnd.pick(userIds),
					staffName: '',
					message: null,
					tradeType: null,
					shopPromotionId: null,
					platformOrder: this.rnd.pick([0, 0, 0, 4]),
				},
				createTime,
				false,
			);
			const status = this.rnd.pick(statuses);
			if (status !== ORDER_STATUS.awaitingPayment) {
				if (status === ORDER_STATUS.cancelled) {
					order.orderStatus = ORDER_STATUS.cancelled;
					order.closeReason = 'buyerCancel';
				} else {
					this.markPaid(order, createTime + 600_000);
					if (status >= ORDER_STATUS.shipped) this.markShipped(order, createTime + 86400_000);
					if (status >= ORDER_STATUS.received) this.markReceived(order, createTime + 4 * 86400_000);
				}
			}
			created.push(order);
		}
		for (const order of created.reverse()) this.insert(order);
	}

	private insert(order: Order, newest = false): void {
		if (newest) this.orders.unshift(order);
		else this.orders.push(order);
		this.byTbOrderId.set(order.tbOrderId, order);
	}

	/** Validates stock and sellers, then builds (does not store) an order for one seller. */
	private build(
		input: {
			flow: string;
			address: AddressParam;
			cargo: CargoParam[];
			userId?: string;
			staffName?: string;
			message?: string | null;
			tradeType?: string | null;
			shopPromotionId?: string | null;
			platformOrder?: number;
		},
		now: number,
		checkStock = true,
	): Order {
		const items: OrderItem[] = [];
		let seller: Order['seller'] | undefined;
		let shippingFeeFen = 0;
		for (const line of input.cargo) {
			const { offer, spec } = this.resolve(line);
			if (checkStock && line.quantity > spec.stock) {
				throw new BusinessError(
					`库存不足 (offer ${offer.offerMapId} spec ${spec.specId}: ${spec.stock} in stock, ${line.quantity} ordered)`,
				);
			}
			seller ??= { sellerOpenId: offer.sellerOpenId, sellerLoginId: offer.sellerLoginId };
			shippingFeeFen = Math.max(shippingFeeFen, offer.shippingFeeFen);
			items.push({
				id: '',
				subTbOrderId: '',
				offer,
				specId: spec.specId,
				skuId: spec.skuId,
				attributes: spec.attributes,
				quantity: line.quantity,
				priceFen: spec.priceFen,
				itemAmountFen: spec.priceFen * line.quantity,
				productNo: line.productNo ?? offer.offerMapId,
				container: line.container ?? '',
				createTime: now + 1000,
			});
		}
		const id = this.newId('1232742');
		const tbOrderId = this.newId('25422');
		for (const item of items) {
			item.id = this.newId('1232742');
			item.subTbOrderId = items.length === 1 ? tbOrderId : this.newId('25422');
		}
		return {
			id,
			orderNo: this.newId('1232742'),
			tbOrderId,
			flow: input.flow,
			tradeType: '担保交易',
			message: input.message ?? null,
			shopPromotionId: input.shopPromotionId ?? null,
			userId: input.userId ?? '2219093763101',
			staffName: input.staffName ?? '',
			platformOrder: input.platformOrder ?? 0,
			seller: seller!,
			address: input.address,
			cargo: input.cargo.map((c) => ({
				...c,
				sellerOpenId: c.sellerOpenId ?? seller!.sellerOpenId,
			})),
			items,
			shippingFeeFen,
			discountFen: 0,
			orderStatus: ORDER_STATUS.awaitingPayment,
			payStatus: PAY_STATUS.unpaid,
			refundStatus: 0,
			refundAmountFen: 0,
			closeReason: null,
			createTime: now,
			tbCreateTime: now - 1000,
			payTime: null,
			shipTime: null,
			receiveTime: null,
			logistics: null,
		};
	}

	resolve(line: CargoParam | CargoV1) {
		const id = cargoOfferId(line);
		const offer = this.catalog.offer(id);
		if (!offer) throw new BusinessError(`商品不存在 (offer ${id} not found)`);
		if (line.sellerOpenId && line.sellerOpenId !== offer.sellerOpenId) {
			throw new BusinessError(
				`卖家不匹配 (offer ${id} is sold by ${offer.sellerOpenId}, not ${line.sellerOpenId})`,
			);
		}
		const spec = line.specId ? offer.specs.find((s) => s.specId === line.specId) : offer.specs[0];
		if (!spec) throw new BusinessError(`规格不存在 (spec ${line.specId} not found in offer ${id})`);
		return { offer, spec };
	}

	/** Groups cargo lines by seller (one 1688 order per seller). */
	groupBySeller<T extends CargoParam | CargoV1>(cargo: T[]): T[][] {
		const groups = new Map<string, T[]>();
		for (const line of cargo) {
			const { offer } = this.resolve(line);
			const list = groups.get(offer.sellerOpenId) ?? [];
			list.push(line);
			groups.set(offer.sellerOpenId, list);
		}
		return [...groups.values()];
	}

	preview(cargo: Array<CargoParam | CargoV1>) {
		let sumPaymentNoCarriage = 0;
		let sumCarriage = 0;
		const cargoList = cargo.map((line) => {
			const { offer, spec } = this.resolve(line);
			sumCarriage = Math.max(sumCarriage, offer.shippingFeeFen);
			const amount = spec.priceFen * line.quantity;
			sumPaymentNoCarriage += amount;
			return {
				offerId: offer.offerMapId,
				specId: spec.specId,
				amount,
				finalUnitPrice: spec.priceFen,
				quantity: line.quantity,
				stock: spec.stock,
				enough: line.quantity <= spec.stock,
			};
		});
		const short = cargoList.find((c) => !c.enough);
		return {
			success: !short,
			errorCode: short ? 'STOCK_NOT_ENOUGH' : null,
			errorMsg: short ? `库存不足 (offer ${short.offerId}: ${short.stock} in stock)` : null,
			orderPreviewResuslt: [
				{
					discountFee: 0,
					status: !short,
					tradeModeNameList: ['担保交易'],
					sumCarriage,
					sumPayment: sumPaymentNoCarriage + sumCarriage,
					sumPaymentNoCarriage,
					cargoList,
				},
			],
			postFeeByDescOfferList: [],
			consignOfferList: [],
			unsupportedCrossBorderPayOfferList: [],
		};
	}

	create(input: Parameters<OrderStore['build']>[0], now = this.now()): Order {
		const order = this.build(input, now);
		this.insert(order, true);
		this.remember(order);
		this.emit('event', 'ORDER_CREATE', order);
		return order;
	}

	private markPaid(order: Order, at: number): void {
		order.orderStatus = ORDER_STATUS.awaitingShipment;
		order.payStatus = PAY_STATUS.paid;
		order.payTime = at;
	}

	private markShipped(order: Order, at: number): void {
		order.orderStatus = ORDER_STATUS.shipped;
		order.shipTime = at;
		order.logistics = {
			logisticsId: `LP00${this.rnd.digits(12)}`,
			logisticsBillNo: `7${this.rnd.digits(13)}`,
			logisticsCompanyName: this.rnd.pick(CARRIERS),
			steps: [
				{ acceptTime: chinaClock(at), remark: '卖家已发货 (seller shipped)' },
				{ acceptTime: chinaClock(at + 3600_000), remark: '快件已揽收 (parcel collected)' },
				{ acceptTime: chinaClock(at + 8 * 3600_000), remark: '运输中 (in transit)' },
			],
		};
	}

	private markReceived(order: Order, at: number): void {
		order.orderStatus = ORDER_STATUS.received;
		order.receiveTime = at;
		order.logistics?.steps.push({ acceptTime: chinaClock(at), remark: '已签收 (delivered)' });
	}

	pay(tbOrderId: string, now = this.now()): Order {
		const order = this.require(tbOrderId);
		if (order.orderStatus === ORDER_STATUS.cancelled) {
			throw new BusinessError(`订单已取消，无法支付 (order ${tbOrderId} is cancelled)`);
		}
		if (order.payStatus === PAY_STATUS.paid) {
			throw new BusinessError(`订单已支付 (order ${tbOrderId} is already paid)`);
		}
		this.markPaid(order, now);
		this.emit('event', 'ORDER_PAY_SUCCESS', order);
		return order;
	}

	cancel(tbOrderId: string, reason: string): Order {
		const order = this.require(tbOrderId);
		if (order.orderStatus === ORDER_STATUS.cancelled) {
			throw new BusinessError(`订单已取消 (order ${tbOrderId} is already cancelled)`);
		}
		if (order.payStatus === PAY_STATUS.paid) {
			throw new BusinessError(
				`订单已支付，不能取消 (order ${tbOrderId} is paid: only unpaid orders can be cancelled; use after-sales)`,
			);
		}
		order.orderStatus = ORDER_STATUS.cancelled;
		order.closeReason = reason;
		this.emit('event', 'ORDER_CANCEL', order);
		return order;
	}

	ship(tbOrderId: string, now = this.now()): Order {
		const order = this.require(tbOrderId);
		if (order.orderStatus !== ORDER_STATUS.awaitingShipment) {
			throw new BusinessError(`order ${tbOrderId} is not paid and awaiting shipment`);
		}
		this.markShipped(order, now);
		this.touch(order);
		return order;
	}

	confirmReceipt(tbOrderId: string, entryIds: string[] | undefined, now = this.now()): Order {
		const order = this.require(tbOrderId);
		if (order.orderStatus !== ORDER_STATUS.shipped) {
			throw new BusinessError(
				`订单状态不允许确认收货 (order ${tbOrderId} has not been shipped, or is already received)`,
			);
		}
		const known = new Set(order.items.map((i) => i.subTbOrderId));
		const unknown = (entryIds ?? []).find((e) => !known.has(e));
		if (unknown)
			throw new BusinessError(
				`子订单不存在 (sub-order ${unknown} is not part of order ${tbOrderId})`,
			);
		this.markReceived(order, now);
		this.touch(order);
		return order;
	}

	/** Seller changes the price of an unpaid order (pushes ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY). */
	modifyPrice(tbOrderId: string, newShippingFeeFen: number, discountFen: number): Order {
		const order = this.require(tbOrderId);
		if (order.orderStatus !== ORDER_STATUS.awaitingPayment) {
			throw new BusinessError(`order ${tbOrderId} is not awaiting payment`);
		}
		order.shippingFeeFen = newShippingFeeFen;
		order.discountFen = discountFen;
		this.emit('event', 'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', order);
		return order;
	}

	refund(tbOrderId: string, refundId: string, amountFen: number): Order {
		const order = this.require(tbOrderId);
		if (order.payStatus !== PAY_STATUS.paid)
			throw new BusinessError(`order ${tbOrderId} is not paid`);
		order.refundStatus = 1;
		order.refundAmountFen = amountFen;
		this.emit('event', 'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND', order, refundId);
		return order;
	}
}

export function productAmountFen(order: Order): number {
	return order.items.reduce((sum, item) => sum + item.itemAmountFen, 0);
}

export function totalAmountFen(order: Order): number {
	return productAmountFen(order) + order.shippingFeeFen - order.discountFen;
}

export function tradeStatus(order: Order): string {
	return TRADE_STATUS[order.orderStatus] ?? 'success';
}
