import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescriptions, router } from './actions/router';
import { RESOURCES } from './actions/resources';

const operationProperties = resourceDescriptions.flat();

export class PandaPon implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaPon',
		name: 'pandaPon',
		icon: { light: 'file:../../icons/pandapon.svg', dark: 'file:../../icons/pandapon.dark.svg' },
		group: ['transform'],
		version: 1,
		// Taken as given (n8n appends its tracking query to the codex link, after the #anchor, which loses the anchor).
		documentationUrl: 'https://github.com/pandapon/n8n-nodes-pandapon#operations',
		// "1688 Order: Get Many", not internal values; a literal for n8n's lint, kept equal to subtitleFor() (resources.ts) by a test.
		subtitle:
			'={{ ({"order.cancel":"1688 Order: Cancel","order.confirmReceipt":"1688 Order: Confirm Receipt","order.create":"1688 Order: Create","order.createBatch":"1688 Order: Create for Several Sellers","order.decryptWangwang":"1688 Order: Decrypt Seller Nickname","order.get":"1688 Order: Get","order.getLogistics":"1688 Order: Get Logistics","order.getAll":"1688 Order: Get Many","order.getPaymentUrl":"1688 Order: Get Payment URL","order.pay":"1688 Order: Pay","order.preview":"1688 Order: Preview","order.previewBatch":"1688 Order: Preview for Several Sellers","product.get":"1688 Product: Get","product.getCategory":"1688 Product: Get Category","product.getHotList":"1688 Product: Get Hot List","product.getRecommendations":"1688 Product: Get Recommendations","product.getRelated":"1688 Product: Get Related","product.searchByImage":"1688 Product: Search by Image","product.search":"1688 Product: Search by Keyword","product.searchGlobalSelection":"1688 Product: Search Global Strict Selection","product.searchStore":"1688 Product: Search Seller’s Store","product.searchStrictSelection":"1688 Product: Search Strict Selection","cart.add":"1688 Cart: Add Item","cart.createOrder":"1688 Cart: Create Order","cart.delete":"1688 Cart: Delete Items","cart.getAll":"1688 Cart: Get Many","cart.preview":"1688 Cart: Preview Order","cart.updateQuantity":"1688 Cart: Update Quantity","refund.create":"1688 After-Sale: Create","refund.get":"1688 After-Sale: Get","refund.getLogisticsCompanies":"1688 After-Sale: Get Logistics Companies","refund.getReasons":"1688 After-Sale: Get Refund Reasons","refund.returnGoods":"1688 After-Sale: Submit Return Shipment","refund.uploadVoucher":"1688 After-Sale: Upload Voucher","address.upsert":"Address Book: Create or Update","address.getAll":"Address Book: Get Many","taobaoProduct.checkBatch":"Taobao Product: Check Items","taobaoProduct.get":"Taobao Product: Get","taobaoProduct.getSource":"Taobao Product: Get Source Goods","taobaoProduct.inquire":"Taobao Product: Inquire","taobaoProduct.searchByImage":"Taobao Product: Search by Image","taobaoProduct.search":"Taobao Product: Search by Keyword","taobaoOrder.cancel":"Taobao Order: Cancel","taobaoOrder.updateWarehouse":"Taobao Order: Change Warehouse","taobaoOrder.create":"Taobao Order: Create","taobaoOrder.get":"Taobao Order: Get","taobaoOrder.getChatLink":"Taobao Order: Get Chat Link","taobaoOrder.getLogistics":"Taobao Order: Get Logistics","taobaoOrder.getAll":"Taobao Order: Get Many","taobaoOrder.pay":"Taobao Order: Pay","taobaoOrder.render":"Taobao Order: Preview (Render)","taobaoOrder.uploadPaymentVoucher":"Taobao Order: Upload Payment Voucher","taobaoCart.add":"Taobao Cart: Add Item","taobaoCart.createOrder":"Taobao Cart: Create Order","taobaoCart.delete":"Taobao Cart: Delete Items","taobaoCart.getAll":"Taobao Cart: Get Many","taobaoCart.preview":"Taobao Cart: Preview Order","taobaoCart.updateQuantity":"Taobao Cart: Update Quantity","taobaoRefund.cancel":"Taobao After-Sale: Cancel","taobaoRefund.create":"Taobao After-Sale: Create","taobaoRefund.get":"Taobao After-Sale: Get","taobaoRefund.getAll":"Taobao After-Sale: Get Many","taobaoRefund.getMessages":"Taobao After-Sale: Get Messages","taobaoRefund.getReturnLogistics":"Taobao After-Sale: Get Return Logistics Form","taobaoRefund.postMessage":"Taobao After-Sale: Post Message","taobaoRefund.render":"Taobao After-Sale: Render Form","taobaoRefund.submitReturnLogistics":"Taobao After-Sale: Submit Return Shipment","taobaoRefund.update":"Taobao After-Sale: Update","custom.call":"Signed API Call: Call API","account.checkConnection":"Account: Check Connection","push.verify":"Push: Verify Push"})[$parameter["resource"] + "." + $parameter["operation"]] || "" }}',
		description: 'Search, order, pay for and ship goods from 1688.com and Taobao through PandaPon',
		defaults: { name: 'PandaPon' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pandaPonApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES,
				default: 'order',
			},
			...operationProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
