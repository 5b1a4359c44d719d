/** The 1688 order ID field, as declared operations and hand-written ones of the 1688 Order resource share it. */
import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty, type FieldSpec } from '../shared/fields';
import { orderIdField1688 } from '../shared/idFields';

export const ORDER_ID: FieldSpec = orderIdField1688(
	'The 1688 order ID (tbOrderId in Get Many, orderId from Create). Keep it as text: 19-digit IDs do not fit a number.',
);

export const orderIdField: INodeProperties = fieldProperty(ORDER_ID);
