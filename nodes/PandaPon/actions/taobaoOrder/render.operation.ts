import { taobaoOrderRenderSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import {
	ORDER_RECEIVER,
	readTaobaoOrderInput,
	taobaoAddressInput,
	taobaoOrderLinesInput,
} from '../shared/taobaoAddress';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoOrder',
	operation: 'render',
	endpoint: 'taobaoOrderRender',
	schema: taobaoOrderRenderSchema,
	extraProperties: [...taobaoOrderLinesInput, ...taobaoAddressInput(ORDER_RECEIVER)],
	fields: [],
	prepare(itemIndex, request) {
		readTaobaoOrderInput.call(this, itemIndex, request.body);
		return Promise.resolve();
	},
});
