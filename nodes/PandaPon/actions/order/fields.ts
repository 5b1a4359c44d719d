/** The 1688 order ID field, as declared operations and hand-written ones of the 1688 Order resource share it. */
import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty, type FieldSpec } from '../shared/fields';

export const ORDER_ID: FieldSpec = {
	name: 'orderId',
	displayName: '1688 Order ID',
	kind: 'id',
	required: true,
	placeholder: 'e.g. 2542285634920880794',
	description:
		'The 1688 order ID (tbOrderId in Get Many, orderId from Create). Keep it as text: 19-digit IDs do not fit a number.',
};

export const orderIdField: INodeProperties = fieldProperty(ORDER_ID);
