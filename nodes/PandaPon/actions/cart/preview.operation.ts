import type { IDataObject } from 'n8n-workflow';

import { cartPreviewSchema } from '../../model/goods';
import { previewWithYuan } from '../../shared/simplify';
import { defineOperation } from '../define';
import { cartIdsField } from '../shared/idFields';
import { addressFields, readAddress } from '../shared/cargoAndAddress';

export const { description, execute, endpoint } = defineOperation({
	resource: 'cart',
	operation: 'preview',
	endpoint: 'cartPreview',
	schema: cartPreviewSchema,
	extraProperties: addressFields,
	fields: [cartIdsField('Cart line IDs to price')],
	// The answer is a 1688 order preview: yuan beside its fen amounts, as the order Preview shows them.
	output: (data) =>
		Array.isArray(data)
			? (data as IDataObject[]).map(previewWithYuan)
			: previewWithYuan((data ?? {}) as IDataObject),
	async prepare(itemIndex, request) {
		request.body.addressParam = readAddress.call(this, itemIndex) as never;
	},
});
