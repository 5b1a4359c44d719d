import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { previewBatchSchema } from '../../model/order';
import type { EndpointName } from '../../model/endpoints';
import { previewWithYuan } from '../../shared/simplify';
import {
	forOperation,
	inputError,
	isObject,
	toItems,
	validateInput,
} from '../../shared/parameters';
import { sendPreview } from '../shared/previewChecks';
import {
	addressFields,
	cargoFields,
	previewToCreateNotice,
	readAddress,
	readCargo,
} from '../shared/cargoAndAddress';

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'orderPreviewBatch';

export const description: INodeProperties[] = forOperation('order', 'previewBatch', [
	{
		displayName:
			'This preview takes the numeric 1688 offer ID of each product (e.g. 743470146022, the number in its detail.1688.com/offer/… link), a Spec ID and a Seller Open ID on every line. Mapped IDs (such as L0PTnwSnx_dWNZWCtgK7Gg) work with Preview (one seller) instead.',
		name: 'previewBatchNotice',
		type: 'notice',
		default: '',
	},
	previewToCreateNotice,
	...addressFields,
	...cargoFields(true, true),
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const lines = readCargo.call(this, itemIndex);
	// PandaPon's page for this preview (v1) lists numeric offerId lines only: a mapped ID stops here, nothing sent.
	if (Array.isArray(lines)) {
		const mapped = lines.findIndex((line) => isObject(line) && line.offerMapId !== undefined);
		if (mapped >= 0) {
			throw inputError(
				this,
				itemIndex,
				`Cargo line #${mapped + 1}: Preview for Several Sellers needs the numeric 1688 offer ID (offerId, digits only, e.g. 743470146022), not the mapped ID "${String((lines[mapped] as IDataObject).offerMapId)}". Find the number in the product's 1688 link (detail.1688.com/offer/743470146022.html) or in productID of a created order; or preview each seller with Preview, which takes mapped IDs.`,
			);
		}
	}
	// The v1 page lists no districtCode, productNo or container: those are left out here (Create still sends them).
	const request = {
		addressParam: readAddress.call(this, itemIndex),
		cargoParamList: lines,
	} as IDataObject;
	const body = validateInput.call(this, previewBatchSchema, request, itemIndex);
	const data = await sendPreview.call(
		this,
		itemIndex,
		endpoint,
		body,
		(failure) => `PandaPon cannot fulfil this preview: ${failure}`,
	);
	// One output item per seller's preview.
	const previews = (Array.isArray(data) ? data : [data]) as IDataObject[];
	// Each seller's preview carries what was previewed for that seller (`request`), for Create in JSON mode.
	const sellerOf = (line: unknown) => (isObject(line) ? String(line.sellerOpenId ?? '') : '');
	return toItems.call(
		this,
		previews.map((preview) => {
			const seller = String(preview.sellerOpenId ?? '');
			const own = (lines as unknown[]).filter((line) => !seller || sellerOf(line) === seller);
			return {
				...previewWithYuan(preview),
				request: { addressParam: request.addressParam, cargoParamList: own },
			};
		}),
		itemIndex,
	);
}
