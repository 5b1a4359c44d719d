/** How the local server shapes orders on the wire, after the samples of the public pages (order list doc-th.pandapon.com/api-289190488, batch create doc-cnv2.pandapon.com/api-288855706, pushes doc-cnv2.pandapon.com/doc-6521894). */
import { jsonInteger } from '../../../nodes/PandaPon/model/json';
import {
	DEVELOP_ID,
	chinaClock,
	chinaIso,
	productAmountFen,
	totalAmountFen,
	tradeStatus,
	type Order,
} from './store';

/** AlibabaBackSelectOrderVO: money in fen, several fields as serialized JSON strings. */
export function orderListView(order: Order) {
	const a = order.address;
	return {
		id: order.id,
		developId: DEVELOP_ID,
		developEmail: null,
		developerAlias: 'PandaPon local test server (simulated order)',
		flow: order.flow,
		orderNo: order.orderNo,
		tbOrderId: order.tbOrderId,
		shopPromotionId: order.shopPromotionId,
		discount: order.discountFen,
		productAmount: productAmountFen(order),
		shippingFee: order.shippingFeeFen,
		totalAmount: totalAmountFen(order),
		refundAmount: order.refundAmountFen,
		cargoParamList: JSON.stringify(
			order.cargo.map((c) => ({
				specId: c.specId,
				quantity: c.quantity,
				offerId: c.offerMapId,
				sellerOpenId: c.sellerOpenId,
				productNo: c.productNo ?? c.offerMapId,
			})),
		),
		receiver: JSON.stringify({
			toFullName: a.fullName,
			toDivisionCode: a.districtCode ?? '',
			toMobile: a.mobile,
			toPhone: a.phone,
			toPost: a.postCode ?? '',
			toArea: [a.provinceText, a.cityText, a.areaText, a.townText, a.address]
				.filter(Boolean)
				.join(' '),
		}),
		subBuyerLoginId: 'pandaponpp2023:uwebuy',
		closeReason: order.closeReason,
		sellerLoginId: order.seller.sellerLoginId,
		warehouseAddressInfo: JSON.stringify({
			fullName: a.fullName,
			mobile: a.mobile,
			phone: a.phone,
			postCode: a.postCode,
			cityText: a.cityText,
			provinceText: a.provinceText,
			areaText: a.areaText,
			townText: a.townText,
			address: a.address,
		}),
		isInvoice: 0,
		invoiceId: null,
		tradeType: order.tradeType,
		payStatus: order.payStatus,
		orderStatus: order.orderStatus,
		refundStatus: order.refundStatus,
		orderJson: JSON.stringify({
			result: {
				orderId: order.tbOrderId,
				postFee: order.shippingFeeFen,
				success: true,
				orderList: [],
				totalSuccessAmount: totalAmountFen(order),
			},
			success: true,
		}),
		message: order.message,
		batchPayStatus: null,
		financialPayFailureRemark: null,
		userId: order.userId,
		userName: null,
		staffName: order.staffName,
		createTime: chinaIso(order.createTime),
		payStatusKey: null,
		platformOrder: order.platformOrder,
		orderType: 0,
		contractOrderStatus: null,
		tbCreateTime: chinaIso(order.tbCreateTime),
		orderDetailInfoVOS: order.items.map((item) => ({
			id: item.id,
			orderId: order.id,
			subTbOrderId: item.subTbOrderId,
			productId: item.offer.offerMapId,
			name: item.offer.subject,
			quantity: item.quantity,
			unit: item.offer.unit,
			skuId: item.skuId,
			specId: item.specId,
			itemAmount: item.itemAmountFen,
			price: item.priceFen,
			refund: 0,
			status: 1,
			skuInfos: JSON.stringify(item.attributes),
			payTime: order.payTime ? chinaIso(order.payTime) : null,
			dealSuccessTime: order.receiveTime ? chinaIso(order.receiveTime) : null,
			deliverGoodsTime: order.shipTime ? chinaIso(order.shipTime) : null,
			productImgUrl: JSON.stringify([
				item.offer.imageUrl.replace('.jpg', '.80x80.jpg'),
				item.offer.imageUrl,
			]),
			productSnapShotUrl: `https://trade.1688.com/order/offer_snapshot.htm?order_entry_id=${item.subTbOrderId}`,
			createTime: chinaIso(item.createTime),
			productNo: item.productNo,
			container: item.container,
			bizStatus: 1,
		})),
		logisticsCost: null,
		confirmLogisticsCost: 0,
		logisticsStatus: order.shipTime ? 1 : 0,
		transferAccountImgs: null,
		transferAccountRemark: null,
	};
}

const yuan = (fen: number) => Math.round(fen) / 100;

/**
 * The 1688 buyer-view order-detail object: amounts in yuan (1688 native), ids as bare 19-digit numbers (so a
 * client that parses with plain JSON.parse gets them wrong, as with the real API), plus idOfStr.
 */
export function orderDetailView(order: Order) {
	const a = order.address;
	return {
		baseInfo: {
			id: jsonInteger(order.tbOrderId),
			idOfStr: order.tbOrderId,
			status: tradeStatus(order),
			tradeType: '50060',
			totalAmount: yuan(totalAmountFen(order)),
			sumProductPayment: yuan(productAmountFen(order)),
			shippingFee: yuan(order.shippingFeeFen),
			discount: yuan(order.discountFen),
			createTime: chinaClock(order.tbCreateTime),
			payTime: order.payTime ? chinaClock(order.payTime) : null,
			allDeliveredTime: order.shipTime ? chinaClock(order.shipTime) : null,
			receivingTime: order.receiveTime ? chinaClock(order.receiveTime) : null,
			sellerOpenId: order.seller.sellerOpenId,
			sellerLoginId: order.seller.sellerLoginId,
			buyerLoginId: 'pandaponpp2023:uwebuy',
			closeReason: order.closeReason,
			remark: order.message,
			flowTemplateCode: order.flow,
		},
		nativeLogistics: {
			address: [a.townText, a.address].filter(Boolean).join(' '),
			area: a.areaText ?? '',
			areaCode: a.districtCode ?? '',
			city: a.cityText,
			contactPerson: a.fullName,
			mobile: a.mobile,
			province: a.provinceText,
			telephone: a.phone,
			zip: a.postCode ?? '',
			logisticsItems: order.logistics
				? [
						{
							logisticsCode: order.logistics.logisticsId,
							logisticsBillNo: order.logistics.logisticsBillNo,
							logisticsCompanyName: order.logistics.logisticsCompanyName,
							deliveredTime: order.shipTime ? chinaClock(order.shipTime) : null,
							subItemIds: order.items.map((i) => i.subTbOrderId).join(','),
							status: order.receiveTime ? 'received' : 'transporting',
						},
					]
				: [],
		},
		internationalLogistics: null,
		guaranteesTerms: null,
		productItems: order.items.map((item) => ({
			cargoNumber: null,
			description: null,
			itemAmount: yuan(item.itemAmountFen),
			name: item.offer.subject,
			price: yuan(item.priceFen),
			productID: jsonInteger(item.offer.offerId),
			productImgUrl: [item.offer.imageUrl.replace('.jpg', '.80x80.jpg'), item.offer.imageUrl],
			quantity: item.quantity,
			skuID: jsonInteger(item.skuId),
			specId: item.specId,
			subItemID: jsonInteger(item.subTbOrderId),
			subItemIDString: item.subTbOrderId,
			status: tradeStatus(order),
			unit: item.offer.unit,
			skuInfos: item.attributes,
		})),
		tradeTerms: [],
	};
}

/** Compact push body (inferred shape): a JSON string mirroring an order-list row. */
export function compactPushBody(order: Order, extra: Record<string, unknown> = {}): string {
	const statusText =
		order.orderStatus === 6
			? 'CANCEL'
			: order.payStatus === 2
				? 'WAITING_FOR_SENT'
				: 'WAITING_FOR_PAYMENT';
	return JSON.stringify({
		orderId: order.tbOrderId,
		orderNo: order.orderNo,
		orderStatus: statusText,
		payStatus: order.payStatus,
		totalAmount: totalAmountFen(order),
		shippingFee: order.shippingFeeFen,
		productAmount: productAmountFen(order),
		refundAmount: order.refundAmountFen,
		refundStatus: order.refundStatus || null,
		closeReason: order.closeReason,
		tbCreateTime: chinaClock(order.tbCreateTime),
		payTime: order.payTime ? chinaClock(order.payTime) : null,
		...extra,
	});
}
