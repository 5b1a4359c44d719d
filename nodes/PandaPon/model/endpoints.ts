/**
 * Every PandaPon path the node calls, in one place, with its evidence: the certainty tag of the API reference, the
 * public doc page the method, path and body come from (null = no page found: the path is a guess), and whether the
 * call only reads or changes something. Where a path is a guess, this constant is the single thing to correct (the
 * local server, the README table and the editor notices all follow it).
 */
export type Certainty = 'documented' | 'partial' | 'inferred';

/** read: safe to run on production (nothing changes). write: orders, pays, cancels, refunds, uploads or changes. */
export type Access = 'read' | 'write';

export interface Endpoint {
	method: 'GET' | 'POST';
	path: string;
	certainty: Certainty;
	access: Access;
	/** The public doc page (https://…) for this method and path, or null when no page shows them. */
	source: string | null;
	/** Set below: the key of this constant (the wire schemas are keyed by it). */
	name?: string;
}

const ep = (
	method: Endpoint['method'],
	path: string,
	certainty: Certainty,
	access: Access,
	source: string | null,
): Endpoint => ({ method, path, certainty, access, source: source && `https://${source}` });

export const ENDPOINTS = {
	// 1688 orders (pages per endpoint below)
	orderList: ep(
		'POST',
		'/v2/alibaba/order/page',
		'documented',
		'read',
		'doc-th.pandapon.com/api-289190488',
	),
	orderDetail: ep('POST', '/alibaba/order/detail', 'partial', 'read', null),
	orderPreview: ep(
		'POST',
		'/v2/alibaba/order/create/preview',
		'partial',
		'read',
		'doc-cnv2.pandapon.com/api-288855709',
	),
	// v1: its documented lines take the numeric offerId (no mapped ids); the v2 page's path is unreachable.
	orderPreviewBatch: ep(
		'POST',
		'/alibaba/order/create/previewbatch',
		'partial',
		'read',
		'doc-en.pandapon.com/api-263477644',
	),
	// Also the path of the one-seller Create: the v2 single-create page stops before its body (doc-cnv2.pandapon.com/api-288855706; the v2 single-create page, doc-th.pandapon.com/api-289190490, stops before its body).
	orderCreateBatch: ep(
		'POST',
		'/v2/alibaba/order/batch/create',
		'partial',
		'write',
		'doc-cnv2.pandapon.com/api-288855706',
	),
	orderPayUrl: ep(
		'GET',
		'/v2/alibaba/order/pay/url',
		'documented',
		'read',
		'doc-env2.pandapon.com/api-289121041',
	),
	orderPay: ep(
		'POST',
		'/alibaba/order/batch/submit/to/pay',
		'partial',
		'write',
		'doc-en.pandapon.com/api-263477643',
	),
	orderCancel: ep(
		'POST',
		'/v2/alibaba/order/cancel',
		'documented',
		'write',
		'doc-cnv2.pandapon.com/api-288855711',
	),
	orderReceiveGoods: ep(
		'POST',
		'/alibaba/order/receivegoods',
		'documented',
		'write',
		'doc-en.pandapon.com/api-263477652',
	),
	// Path, query and response guessed (no public page): corrected here (one constant), or by the user through the Signed API Call.
	orderLogistics: ep('GET', '/v2/alibaba/order/logistics/trace', 'inferred', 'read', null),
	// Path from client usage: no public page.
	sellerDecrypt: ep('POST', '/alibaba/product/openuid/decrypt', 'inferred', 'read', null),

	// 1688 goods. Paths marked inferred are guesses: each shows one notice, and a corrected path is one constant here.
	productDetail: ep('POST', '/alibaba/product/detail/get', 'partial', 'read', null),
	productSearch: ep('POST', '/v2/alibaba/product/keywords/query', 'partial', 'read', null),
	productImageSearch: ep('POST', '/v2/alibaba/product/image/query', 'partial', 'read', null),
	productStoreSearch: ep('POST', '/v2/alibaba/product/query/selleroffer', 'partial', 'read', null),
	productCategory: ep('POST', '/v2/alibaba/category/translation/get', 'inferred', 'read', null),
	productRecommend: ep('POST', '/v2/alibaba/product/recommend/query', 'inferred', 'read', null),
	productRelated: ep(
		'POST',
		'/v2/alibaba/product/productRelatedRecommendQuery',
		'partial',
		'read',
		null,
	),
	productGlobalSelection: ep(
		'POST',
		'/v2/alibaba/product/global/strict/keywords/query',
		'inferred',
		'read',
		null,
	),
	productStrictSelection: ep(
		'POST',
		'/v2/alibaba/product/strict/keywords/query',
		'inferred',
		'read',
		null,
	),
	productHotList: ep('POST', '/v2/alibaba/product/hot/list', 'inferred', 'read', null),

	// 1688 cart. cartList is also the credential test's and the connection check's cheap read.
	cartList: ep(
		'GET',
		'/v2/alibaba/cart/list',
		'documented',
		'read',
		'doc-cnv2.pandapon.com/api-288837580',
	),
	cartAdd: ep('POST', '/v2/alibaba/cart/add', 'inferred', 'write', null),
	cartDelete: ep('POST', '/v2/alibaba/cart/delete', 'inferred', 'write', null),
	cartEditQuantity: ep(
		'POST',
		'/alibaba/cart/edit-quantity',
		'documented',
		'write',
		'doc.pandapon.com/api-250313129',
	),
	cartPreview: ep(
		'POST',
		'/alibaba/cart/preview/order',
		'partial',
		'read',
		'doc.pandapon.com/api-250313128',
	),
	cartCreateOrder: ep(
		'POST',
		'/alibaba/cart/create/order',
		'partial',
		'write',
		'doc-en.pandapon.com/api-263477662',
	),

	// 1688 after-sales.
	refundInfo: ep('POST', '/alibaba/refund/info', 'partial', 'read', null),
	refundReasons: ep('POST', '/alibaba/refund/reasons', 'inferred', 'read', null),
	refundUploadVoucher: ep('POST', '/alibaba/refund/voucher/upload', 'inferred', 'write', null),
	refundCreate: ep(
		'POST',
		'/v2/alibaba/refund/detail/create',
		'partial',
		'write',
		'doc-cnv2.pandapon.com/api-288876782',
	),
	refundReturnGoods: ep('POST', '/alibaba/refund/goods/return', 'partial', 'write', null),
	refundLogisticsCompanies: ep(
		'GET',
		'/alibaba/refund/logistics/companies',
		'inferred',
		'read',
		null,
	),

	// Address book.
	addressUpsert: ep(
		'POST',
		'/v2/open/address/addOrUpdate',
		'documented',
		'write',
		'doc-cnv2.pandapon.com/api-288437932',
	),
	addressList: ep('GET', '/v2/open/address/list', 'inferred', 'read', null),

	// Taobao goods.
	taobaoProductGet: ep('GET', '/v2/taobao/product/get', 'partial', 'read', null),
	taobaoProductBatchCheck: ep('POST', '/open/product/batch/check', 'partial', 'read', null),
	taobaoProductSearch: ep('POST', '/v2/taobao/product/item/search', 'partial', 'read', null),
	taobaoProductImageSearch: ep('POST', '/v2/taobao/product/image/search', 'inferred', 'read', null),
	taobaoProductInquiry: ep('GET', '/open/product/inquiry', 'inferred', 'read', null),
	taobaoProductSource: ep('POST', '/open/product/source/get', 'partial', 'read', null),

	// Taobao orders and logistics.
	taobaoOrderCreate: ep('POST', '/open/order', 'partial', 'write', null),
	taobaoOrderRender: ep('POST', '/open/order/render', 'partial', 'read', null),
	taobaoOrderList: ep('POST', '/v2/taobao/order/page', 'inferred', 'read', null),
	taobaoOrderPaymentVoucher: ep(
		'POST',
		'/open/order/payment/voucher/upload',
		'inferred',
		'write',
		null,
	),
	taobaoOrderCancel: ep('POST', '/v2/taobao/order/cancel', 'inferred', 'write', null),
	taobaoOrderUpdateWarehouse: ep('POST', '/open/order/updateWarehouse', 'partial', 'write', null),
	taobaoOrderPay: ep('POST', '/v2/taobao/order/pay', 'inferred', 'write', null),
	// The page's schema and its example disagree; the example's {sourceType:"item", bizId} form is sent.
	taobaoOrderChatLink: ep(
		'POST',
		'/open/order/page/link/get',
		'partial',
		'read',
		'doc-en.pandapon.com/api-263477616',
	),
	taobaoOrderDetail: ep('GET', '/v2/taobao/order/get', 'inferred', 'read', null),
	taobaoOrderLogistics: ep(
		'GET',
		'/v2/taobao/order/logistics/detail/get',
		'documented',
		'read',
		'doc-cnv2.pandapon.com/api-288535324',
	),

	// Taobao cart (v1 cart order: doc.pandapon.com/api-250313096).
	taobaoCartAdd: ep(
		'POST',
		'/v2/taobao/cart/add',
		'partial',
		'write',
		'doc-env2.pandapon.com/api-289121002',
	),
	taobaoCartList: ep('GET', '/v2/taobao/cart/list', 'inferred', 'read', null),
	taobaoCartDelete: ep('POST', '/v2/taobao/cart/delete', 'inferred', 'write', null),
	taobaoCartEditQuantity: ep('POST', '/v2/taobao/cart/edit-quantity', 'inferred', 'write', null),
	taobaoCartPreview: ep('POST', '/v2/taobao/cart/preview/order', 'inferred', 'read', null),
	taobaoCartCreateOrder: ep(
		'POST',
		'/open/cart/create/order',
		'partial',
		'write',
		'doc.pandapon.com/api-250313096',
	),

	// Taobao after-sales.
	taobaoRefundList: ep('POST', '/open/order/refund/queryList', 'partial', 'read', null),
	taobaoRefundRender: ep('POST', '/v2/taobao/order/refund/render', 'partial', 'read', null),
	taobaoRefundLogisticsRender: ep(
		'GET',
		'/v2/taobao/order/refund/logistics/render',
		'inferred',
		'read',
		null,
	),
	taobaoRefundLogisticsSubmit: ep(
		'POST',
		'/v2/taobao/order/refund/logistics/submit',
		'inferred',
		'write',
		null,
	),
	taobaoRefundCancel: ep(
		'GET',
		'/v2/taobao/order/refund/cancel/{refundId}',
		'documented',
		'write',
		'doc-env2.pandapon.com/api-289121008',
	),
	taobaoRefundMessage: ep(
		'POST',
		'/open/order/refund/submit/message',
		'partial',
		'write',
		'doc-en.pandapon.com/api-263477624',
	),
	taobaoRefundSubmit: ep('POST', '/v2/taobao/order/refund/submit', 'inferred', 'write', null),
	taobaoRefundMessages: ep(
		'POST',
		'/v2/taobao/order/refund/message/list',
		'inferred',
		'read',
		null,
	),
	taobaoRefundModify: ep('POST', '/v2/taobao/order/refund/modify', 'inferred', 'write', null),
	taobaoRefundDetail: ep('GET', '/v2/taobao/order/refund/query', 'partial', 'read', null),
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

for (const [name, endpoint] of Object.entries(ENDPOINTS)) (endpoint as Endpoint).name = name;

/** A guessed write: its path or body is on no public page, and it changes orders, money or data. */
export const isGuessedWrite = (endpoint: Endpoint): boolean =>
	endpoint.certainty === 'inferred' && endpoint.access === 'write';
