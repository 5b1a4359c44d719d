import type { INodeProperties } from 'n8n-workflow';

import { productImageSearchSchema } from '../../model/goods';
import { defineOperation } from '../define';
import { searchFilters } from './fields';
import { country } from '../shared/translation';
import { SEARCH_PAGING } from '../shared/paging';
import { imageSourceProperties, readImage } from '../shared/imageSource';

const extra: INodeProperties[] = imageSourceProperties;

export const { description, execute, endpoint } = defineOperation({
	resource: 'product',
	operation: 'searchByImage',
	endpoint: 'productImageSearch',
	schema: productImageSearchSchema,
	paging: SEARCH_PAGING,
	extraProperties: extra,
	fields: [
		country,
		...searchFilters,
		{
			name: 'region',
			displayName: 'Image Region',
			kind: 'text',
			optional: true,
			placeholder: 'e.g. 0,0,200,200',
			description: 'Part of the image to search for (x1,y1,x2,y2)',
		},
		{ name: 'categoryId', displayName: 'Category ID', kind: 'text', optional: true },
	],
	async prepare(itemIndex, request) {
		const image = await readImage.call(this, itemIndex);
		request.body.imageBase64 = image.base64;
		if (image.url) request.body.imageAddress = image.url;
	},
});
