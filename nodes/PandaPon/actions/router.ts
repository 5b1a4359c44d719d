/** Resource/operation → operation module; loops the items with continue-on-fail and paired items. */
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { ENDPOINTS, type EndpointName } from '../transport/endpoints';
import { credentialData, readOnlyError } from '../transport/request';
import * as account from './account/Account.resource';
import * as address from './address/Address.resource';
import * as refund from './afterSale/AfterSale.resource';
import * as cart from './cart/Cart.resource';
import * as custom from './custom/Custom.resource';
import * as order from './order/Order.resource';
import * as product from './product/Product.resource';
import * as taobaoRefund from './taobaoAfterSale/TaobaoAfterSale.resource';
import * as taobaoCart from './taobaoCart/TaobaoCart.resource';
import * as taobaoOrder from './taobaoOrder/TaobaoOrder.resource';
import * as taobaoProduct from './taobaoProduct/TaobaoProduct.resource';

type Operation = {
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;
	/** The endpoint it calls (null: the custom call, whose path the user gives). */
	endpoint?: EndpointName | null;
};

export const resources: Record<string, Record<string, Operation>> = {
	order: order.operations,
	product: product.operations,
	cart: cart.operations,
	refund: refund.operations,
	address: address.operations,
	taobaoProduct: taobaoProduct.operations,
	taobaoOrder: taobaoOrder.operations,
	taobaoCart: taobaoCart.operations,
	taobaoRefund: taobaoRefund.operations,
	custom: custom.operations,
	account: account.operations,
};

/** The resources in the order the node lists them, with their operation selectors and fields. */
export const resourceDescriptions = [
	order.description,
	product.description,
	cart.description,
	refund.description,
	address.description,
	taobaoProduct.description,
	taobaoOrder.description,
	taobaoCart.description,
	taobaoRefund.description,
	custom.description,
	account.description,
];

/** Operations whose items may be sent in parallel (Requests in Parallel > 1): each item is independent of the others. */
const PARALLEL_OPERATIONS: Record<string, string[]> = { order: order.parallelOperations };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	let failure: { itemIndex: number; error: unknown } | undefined;

	// Resource and operation take no expressions (noDataExpression), so they are the same for every item.
	const resource = items.length ? (this.getNodeParameter('resource', 0) as string) : '';
	const operation = items.length ? (this.getNodeParameter('operation', 0) as string) : '';
	const handler = resources[resource]?.[operation];
	// A Read Only credential: every write of this node refuses before any item is read or sent.
	const writes = handler?.endpoint ? ENDPOINTS[handler.endpoint].access === 'write' : false;
	const readOnly = writes && items.length ? (await credentialData(this)).access === 'readOnly' : false;

	const runItem = async (itemIndex: number) => {
		try {
			if (!handler) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
					itemIndex,
				});
			}
			if (readOnly) {
				const { method, path } = ENDPOINTS[handler.endpoint!];
				throw readOnlyError(this, `${method} ${path}`, itemIndex);
			}
			results[itemIndex] = await handler.execute.call(this, itemIndex);
		} catch (error) {
			if (this.continueOnFail()) {
				results[itemIndex] = [
					{
						json: { error: error.message, ...(error.description ? { errorDescription: error.description } : {}) },
						pairedItem: { item: itemIndex },
					},
				];
				return;
			}
			if (!failure || itemIndex < failure.itemIndex) failure = { itemIndex, error };
		}
	};

	// Bounded parallelism, off by default: items are sent one after another unless the user raises it.
	const parallel = PARALLEL_OPERATIONS[resource]?.includes(operation)
		? Math.max(1, Math.min(10, Math.floor(Number(this.getNodeParameter('options.concurrency', 0, 1)) || 1)))
		: 1;
	let next = 0;
	const worker = async () => {
		while (next < items.length && !failure) await runItem(next++);
	};
	await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));

	if (failure) throw asNodeError(this, failure.error, failure.itemIndex);
	return [results.flat()];
}

/** Our own errors pass through with the item index; anything else is wrapped so n8n shows it properly. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex });
}
