import { taobaoImageSearchSchema } from '../../model/taobao';
import { defineOperation } from '../define';
import { imageSourceProperties, readImage } from '../shared/imageSource';
import { TAOBAO_PAGING } from '../shared/paging';

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
