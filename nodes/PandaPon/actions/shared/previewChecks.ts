import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { pandaponRequest } from '../../transport/request';
import { asList, inputError, isObject } from '../../shared/parameters';

/** Single-seller operations refuse lines that name two different sellers, before sending anything. */
export function assertOneSeller(
	ctx: IExecuteFunctions,
	lines: Array<{ sellerOpenId?: string }>,
	itemIndex: number,
	alternative: string,
): void {
	const sellers = new Set(lines.map((l) => l.sellerOpenId).filter(Boolean));
	if (sellers.size > 1) {
		throw inputError(
			ctx,
			itemIndex,
			`Cargo lines name ${sellers.size} different sellers (Seller Open ID); this operation takes one seller. Use "${alternative}" instead.`,
		);
	}
}

/** A preview answered with success:false (envelope: doc-en.pandapon.com/doc-6055770) → its error text, else undefined. */
export function previewFailure(data: unknown): string | undefined {
	for (const preview of asList(data)) {
		if (isObject(preview) && preview.success === false) {
			const seller = preview.sellerOpenId ? `seller ${String(preview.sellerOpenId)}: ` : '';
			return `${seller}${String((preview as IDataObject).errorMsg ?? preview.errorCode ?? 'preview failed')}`;
		}
	}
	return undefined;
}

/**
 * Sends a preview (a read: safe to repeat) and refuses, with nothing ordered, when PandaPon answers that it cannot
 * fulfil it. `refusal` words the message for the operation that asked.
 */
export async function sendPreview(
	this: IExecuteFunctions,
	itemIndex: number,
	endpoint: EndpointName,
	body: IDataObject,
	refusal: (failure: string) => string,
): Promise<unknown> {
	const data = await pandaponRequest.call(this, {
		...ENDPOINTS[endpoint],
		body,
		idempotent: true,
		itemIndex,
	});
	const failure = previewFailure(data);
	if (failure) throw inputError(this, itemIndex, refusal(failure), 'Nothing was ordered.');
	return data;
}

/** A preview's refusal, as a declared operation's refuseAnswer: nothing was ordered. */
export const previewRefusal = (data: unknown) => {
	const failure = previewFailure(data);
	return failure
		? {
				message: `PandaPon cannot fulfil this preview: ${failure}`,
				description: 'Nothing was ordered.',
			}
		: undefined;
};
