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

	// 1688 goods (§3). Paths marked inferred are guesses: the operations offer an "API Path" option.
	productDetail: ep('POST', '/alibaba/product/detail/get', 'partial'),
	productSearch: ep('POST', '/v2/alibaba/product/keywords/query', 'partial'),
	productImageSearch: ep('POST', '/v2/alibaba/product/image/query', 'partial'),
	productStoreSearch: ep('POST', '/v2/alibaba/product/query/selleroffer', 'partial'),
	productCategory: ep('POST', '/v2/alibaba/category/translation/get', 'inferred'),
	productRecommend: ep('POST', '/v2/alibaba/product/recommend/query', 'inferred'),
	productRelated: ep('POST', '/v2/alibaba/product/productRelatedRecommendQuery', 'partial'),
	productGlobalSelection: ep('POST', '/v2/alibaba/product/global/strict/keywords/query', 'inferred'),
	productStrictSelection: ep('POST', '/v2/alibaba/product/strict/keywords/query', 'inferred'),
	productHotList: ep('POST', '/v2/alibaba/product/hot/list', 'inferred'),

	// 1688 cart (§4). cartList is also the credential test's cheap read.
	cartList: ep('GET', '/v2/alibaba/cart/list', 'documented'),
	cartAdd: ep('POST', '/v2/alibaba/cart/add', 'inferred'),
	cartDelete: ep('POST', '/v2/alibaba/cart/delete', 'inferred'),
	cartEditQuantity: ep('POST', '/alibaba/cart/edit-quantity', 'documented'),
	cartPreview: ep('POST', '/alibaba/cart/preview/order', 'partial'),
	cartCreateOrder: ep('POST', '/alibaba/cart/create/order', 'partial'),

	// 1688 after-sales (§5).
	refundInfo: ep('POST', '/alibaba/refund/info', 'partial'),
	refundReasons: ep('POST', '/alibaba/refund/reasons', 'inferred'),
	refundUploadVoucher: ep('POST', '/alibaba/refund/voucher/upload', 'inferred'),
	refundCreate: ep('POST', '/v2/alibaba/refund/detail/create', 'partial'),
	refundReturnGoods: ep('POST', '/alibaba/refund/goods/return', 'partial'),
	refundLogisticsCompanies: ep('GET', '/alibaba/refund/logistics/companies', 'inferred'),

	// Address book (§6).
	addressUpsert: ep('POST', '/v2/open/address/addOrUpdate', 'documented'),
	addressList: ep('GET', '/v2/open/address/list', 'inferred'),

	// Taobao goods (§7.1).
	taobaoProductGet: ep('GET', '/v2/taobao/product/get', 'partial'),
	taobaoProductBatchCheck: ep('POST', '/open/product/batch/check', 'partial'),
	taobaoProductSearch: ep('POST', '/v2/taobao/product/item/search', 'partial'),
	taobaoProductImageSearch: ep('POST', '/v2/taobao/product/image/search', 'inferred'),
	taobaoProductInquiry: ep('GET', '/open/product/inquiry', 'inferred'),
	taobaoProductSource: ep('POST', '/open/product/source/get', 'partial'),

	// Taobao orders and logistics (§7.2).
	taobaoOrderCreate: ep('POST', '/open/order', 'partial'),
	taobaoOrderRender: ep('POST', '/open/order/render', 'partial'),
	taobaoOrderList: ep('POST', '/v2/taobao/order/page', 'inferred'),
	taobaoOrderPaymentVoucher: ep('POST', '/open/order/payment/voucher/upload', 'inferred'),
	taobaoOrderCancel: ep('POST', '/v2/taobao/order/cancel', 'inferred'),
	taobaoOrderUpdateWarehouse: ep('POST', '/open/order/updateWarehouse', 'partial'),
	taobaoOrderPay: ep('POST', '/v2/taobao/order/pay', 'inferred'),
	taobaoOrderChatLink: ep('POST', '/open/order/page/link/get', 'partial'),
	taobaoOrderDetail: ep('GET', '/v2/taobao/order/get', 'inferred'),
	taobaoOrderLogistics: ep('GET', '/v2/taobao/order/logistics/detail/get', 'documented'),

	// Taobao cart (§7.3).
	taobaoCartAdd: ep('POST', '/v2/taobao/cart/add', 'partial'),
	taobaoCartList: ep('GET', '/v2/taobao/cart/list', 'inferred'),
	taobaoCartDelete: ep('POST', '/v2/taobao/cart/delete', 'inferred'),
	taobaoCartEditQuantity: ep('POST', '/v2/taobao/cart/edit-quantity', 'inferred'),
	taobaoCartPreview: ep('POST', '/v2/taobao/cart/preview/order', 'inferred'),
	taobaoCartCreateOrder: ep('POST', '/v2/taobao/cart/create/order', 'inferred'),

	// Taobao after-sales (§7.4).
	taobaoRefundList: ep('POST', '/open/order/refund/queryList', 'partial'),
	taobaoRefundRender: ep('POST', '/v2/taobao/order/refund/render', 'partial'),
	taobaoRefundLogisticsRender: ep('GET', '/v2/taobao/order/refund/logistics/render', 'inferred'),
	taobaoRefundLogisticsSubmit: ep('POST', '/v2/taobao/order/refund/logistics/submit', 'inferred'),
	taobaoRefundCancel: ep('GET', '/v2/taobao/order/refund/cancel/{refundId}', 'documented'),
	taobaoRefundMessage: ep('POST', '/open/order/refund/submit/message', 'partial'),
	taobaoRefundSubmit: ep('POST', '/v2/taobao/order/refund/submit', 'inferred'),
	taobaoRefundMessages: ep('POST', '/v2/taobao/order/refund/message/list', 'inferred'),
	taobaoRefundModify: ep('POST', '/v2/taobao/order/refund/modify', 'inferred'),
	taobaoRefundDetail: ep('GET', '/v2/taobao/order/refund/query', 'partial'),
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
