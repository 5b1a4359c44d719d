/** An item's error as n8n shows it: on its own (the run stops) or as the item's result (Continue On Fail). */
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

/**
 * Our own errors pass through with the item index, and their message starts with it ("Item 2: …"), API errors
 * included; anything else is wrapped so n8n shows it properly.
 */
export function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	prefix = true,
): NodeApiError | NodeOperationError {
	const wrapped =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(
					ctx.getNode(),
					`The node failed unexpectedly (${(error as Error)?.message ?? 'no message'})`,
					{
						itemIndex,
						description:
							'This is a bug of n8n-nodes-pandapon: please report it with the operation you used.',
					},
				);
	if (wrapped.context.itemIndex === undefined) wrapped.context.itemIndex = itemIndex;
	const index = Number(wrapped.context.itemIndex);
	if (prefix && !/^Item \d+: /.test(wrapped.message))
		wrapped.message = `Item ${index + 1}: ${wrapped.message}`;
	return wrapped;
}

/** The item Continue On Fail puts in the output: the message, and the outcome fields a write's error carries. */
export function errorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const e = asNodeError(ctx, error, itemIndex, false);
	const { outcome, orderIds, candidateOrderIds } = e.context as {
		outcome?: string;
		orderIds?: string[];
		candidateOrderIds?: string[];
	};
	return {
		json: {
			error: e.message,
			...(e.description ? { errorDescription: e.description } : {}),
			...(outcome ? { outcome } : {}),
			...(orderIds ? { orderIds } : {}),
			...(candidateOrderIds ? { candidateOrderIds } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}
