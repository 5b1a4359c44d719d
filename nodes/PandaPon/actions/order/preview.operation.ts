import type { IDataObject } from 'n8n-workflow';

import { previewSchema } from '../../model/order';
import { previewWithYuan } from '../../shared/simplify';
import { defineOperation } from '../define';
import { ADDRESS_FIELD, cargoField, previewToCreateNotice } from '../shared/cargoAndAddress';
import { assertOneSeller, previewRefusal } from '../shared/previewChecks';

export const { description, execute, endpoint } = defineOperation({
	resource: 'order',
	operation: 'preview',
	endpoint: 'orderPreview',
	schema: previewSchema,
	extraProperties: [previewToCreateNotice],
	fields: [ADDRESS_FIELD, cargoField(false)],
	async beforeSend(itemIndex, body) {
		assertOneSeller(
			this,
			body.cargoParamList as Array<{ sellerOpenId?: string }>,
			itemIndex,
			'Preview for Several Sellers',
		);
		return undefined;
	},
	refuseAnswer: previewRefusal,
	// What was previewed comes out as `request`, so Create maps it in JSON mode ({{ $json.request.addressParam }}).
	output: (data, _sent, _query, read) => ({
		...previewWithYuan(data as IDataObject),
		request: { addressParam: read.addressParam, cargoParamList: read.cargoParamList },
	}),
});
