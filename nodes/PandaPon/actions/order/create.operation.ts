import { createSchema } from '../../model/order';
import { defineOperation } from '../define';
import {
	CREATE_CONSTANTS,
	CREATE_FIELDS,
	createdOrders,
	createWithinCap,
	safetyNotice,
	settleCreateOrders,
} from '../shared/orderFlow';
import { assertOneSeller } from '../shared/previewChecks';
import { capOptions } from '../shared/spendingCap';

// Sent to the documented batch create (it takes one seller too: the v2 single-create page shows no body).
export const { description, execute, endpoint } = defineOperation({
	resource: 'order',
	operation: 'create',
	endpoint: 'orderCreateBatch',
	schema: createSchema,
	extraProperties: [safetyNotice],
	fields: CREATE_FIELDS,
	constants: CREATE_CONSTANTS,
	options: capOptions.options as never,
	// Max Order Total: the documented one-seller preview of the same lines.
	beforeSend: createWithinCap(
		(body) => [
			{
				endpoint: 'orderPreview',
				body: { addressParam: body.addressParam, cargoParamList: body.cargoParamList },
			},
		],
		(ctx, body, itemIndex) =>
			assertOneSeller(ctx, body.cargoParamList, itemIndex, 'Create for Several Sellers'),
	),
	settle: settleCreateOrders,
	fenceOrders: true,
	// One output item per created order.
	output: (data) => createdOrders(data),
});
