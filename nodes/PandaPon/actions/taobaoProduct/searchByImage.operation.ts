import { taobaoImageSearchSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';
import { imageSourceProperties, readImage } from '../imageSource';
import { TAOBAO_PAGING } from './fields';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoProduct',
	operation: 'searchByImage',
	endpoint: 'taobaoProductImageSearch',
	schema: taobaoImageSearchSchema,
	paging: TAOBAO_PAGING,
	extraProperties: imageSourceProperties,
	fields: [],
	async prepare(itemIndex, request) {
		request.body.imageBase64 = (await readImage.call(this, itemIndex)).base64;
	},
});
