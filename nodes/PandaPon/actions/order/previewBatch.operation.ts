import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { previewBatchSchema } from '../../model/order';
import { previewWithYuan } from '../../shared/simplify';
import { inputError, isObject } from '../../shared/parameters';
import { defineOperation } from '../define';
import { ADDRESS_FIELD, cargoField, previewToCreateNotice } from '../shared/cargoAndAddress';
import { previewRefusal } from '../shared/previewChecks';

const notice: INodeProperties = {
	displayName:
		'This preview takes the numeric 1688 offer ID of each product (e.g. 743470146022, the number in its detail.1688.com/offer/… link), a Spec ID and a Seller Open ID on every line. Mapped IDs (such as L0PTnwSnx_dWNZWCtgK7Gg) work with Preview (one seller) instead.',
	name: 'previewBatchNotice',
	type: 'notice',
	default: '',
};

/** PandaPon's page for this preview (v1) lists numeric offerId lines only: a mapped ID stops here, nothing sent. */
function assertNumericOffers(ctx: IExecuteFunctions, lines: unknown, itemIndex: number): void {
	if (!Array.isArray(lines)) return;
	const mapped = lines.findIndex((line) => isObject(line) && line.offerMapId !== undefined);
	if (mapped < 0) return;
	throw inputError(
		ctx,
		itemIndex,
		`Cargo line #${mapped + 1}: Preview for Several Sellers needs the numeric 1688 offer ID (offerId, digits only, e.g. 743470146022), not the mapped ID "${String((lines[mapped] as IDataObject).offerMapId)}". Find the number in the product's 1688 link (detail.1688.com/offer/743470146022.html) or in productID of a created order; or preview each seller with Preview, which takes mapped IDs.`,
	);
}

const sellerOf = (line: unknown) => (isObject(line) ? String(line.sellerOpenId ?? '') : '');

// The v1 page lists no districtCode, productNo or container: the schema leaves them out (Create still sends them).
export const { description, execute, endpoint } = defineOperation({
	resource: 'order',
	operation: 'previewBatch',
	endpoint: 'orderPreviewBatch',
	schema: previewBatchSchema,
	extraProperties: [notice, previewToCreateNotice],
	fields: [ADDRESS_FIELD, cargoField(true, true, assertNumericOffers)],
	refuseAnswer: previewRefusal,
	// One output item per seller's preview, each with what was previewed for that seller (`request`), for Create.
	output: (data, _sent, _query, read) =>
		(Array.isArray(data) ? data : [data]).map((preview: IDataObject) => {
			const seller = String(preview.sellerOpenId ?? '');
			const own = (read.cargoParamList as unknown[]).filter(
				(line) => !seller || sellerOf(line) === seller,
			);
			return {
				...previewWithYuan(preview),
				request: { addressParam: read.addressParam, cargoParamList: own },
			};
		}),
});
