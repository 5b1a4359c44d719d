/**
 * Every PandaPon path the node calls, in one place, with the reference's certainty tag. Where the reference says
 * a path is inferred, this constant is the single thing to correct (the local server serves the same constants).
 */
export type Certainty = 'documented' | 'partial' | 'inferred';

export interface Endpoint {
	method: 'GET' | 'POST';
	path: string;
	certainty: Certainty;
}

const ep = (method: Endpoint['method'], path: string, certainty: Certainty): Endpoint => ({
	method,
	path,
	certainty,
});

export const ENDPOINTS = {
	// 1688 orders (reference §2)
	orderList: ep('POST', '/v2/alibaba/order/page', 'documented'),
	orderDetail: ep('POST', '/alibaba/order/detail', 'partial'),
	orderPreview: ep('POST', '/v2/alibaba/order/create/preview', 'partial'),
	orderPreviewBatch: ep('POST', '/alibaba/order/create/previewbatch', 'partial'),
	orderCreate: ep('POST', '/v2/alibaba/order/create', 'partial'),
	orderCreateBatch: ep('POST', '/v2/alibaba/order/batch/create', 'partial'),
	orderPayUrl: ep('GET', '/v2/alibaba/order/pay/url', 'documented'),
	orderPay: ep('POST', '/alibaba/order/batch/submit/to/pay', 'partial'),
	orderCancel: ep('POST', '/v2/alibaba/order/cancel', 'documented'),
	orderReceiveGoods: ep('POST', '/alibaba/order/receivegoods', 'documented'),
	// Path, query and response guessed (reference §2.11): the default of the operation's "API Path" field.
	orderLogistics: ep('GET', '/v2/alibaba/order/logistics/trace', 'inferred'),
	// Path from client usage, not the reference (§2.12).
	sellerDecrypt: ep('POST', '/alibaba/product/openuid/decrypt', 'inferred'),
	// The credential test's cheap read (§4 C1).
	cartList: ep('GET', '/v2/alibaba/cart/list', 'documented'),
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
