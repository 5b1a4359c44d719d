/** Per-server state of the non-order endpoints (cart lines, refunds, addresses, Taobao records). */
import type { OrderStore } from '../store';

export interface CartLine {
	id: number;
	offerMapId: string;
	specId: string;
	quantity: number;
	sellerOpenId: string;
	productNo: string;
	container: string;
}

export interface ExtraState {
	cart: CartLine[];
	nextCartId: number;
	refunds: Map<string, Record<string, unknown>>;
	vouchers: string[];
	addresses: Array<Record<string, unknown>>;
	nextAddressId: number;
	taobaoCart: Array<Record<string, unknown>>;
	taobaoOrders: Map<string, Record<string, unknown>>;
	taobaoRefunds: Map<string, Record<string, unknown>>;
	nextTaobaoId: number;
}

const states = new WeakMap<OrderStore, ExtraState>();

export function stateOf(store: OrderStore): ExtraState {
	let state = states.get(store);
	if (!state) {
		state = {
			cart: [],
			nextCartId: 1,
			refunds: new Map(),
			vouchers: [],
			addresses: [],
			nextAddressId: 1,
			taobaoCart: [],
			taobaoOrders: new Map(),
			taobaoRefunds: new Map(),
			nextTaobaoId: 1,
		};
		states.set(store, state);
	}
	return state;
}

/** Ids arrive as strings (lossless parse) or small numbers, or as our JsonInteger after a schema transform. */
export const idText = (value: unknown) => String(value);
