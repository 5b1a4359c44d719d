import { taobaoCartAddSchema } from '../../schemas/taobao';
import { defineOperation } from '../define';

export const { description, execute } = defineOperation({
	resource: 'taobaoCart',
	operation: 'add',
	endpoint: 'taobaoCartAdd',
	idempotent: false,
	schema: taobaoCartAddSchema,
	fields: [
		{ name: 'mpId', displayName: 'Distribution Product ID (mpId)', kind: 'text', required: true },
		{ name: 'mpSkuId', displayName: 'Distribution SKU ID (mpSkuId)', kind: 'text', required: true },
		{ name: 'quantity', displayName: 'Quantity', kind: 'number', required: true, default: 1 },
		{ name: 'itemMapId', displayName: 'Item ID (Mapped)', kind: 'text', optional: true },
		{ name: 'skuId', displayName: 'SKU ID', kind: 'text', optional: true },
		{ name: 'itemTitle', displayName: 'Item Title', kind: 'text', optional: true },
		{ name: 'itemPic', displayName: 'Item Picture URL', kind: 'text', optional: true },
		{ name: 'price', displayName: 'Price (Fen)', kind: 'number', optional: true },
		{ name: 'promotionPrice', displayName: 'Promotion Price (Fen)', kind: 'number', optional: true },
		{
			name: 'properties',
			displayName: 'Properties (JSON)',
			kind: 'jsonText',
			optional: true,
			placeholder: '[{"propId":"1627207","propName":"颜色","valueId":"28341","valueName":"黑色"}]',
			description: 'The SKU’s properties; sent as the JSON text PandaPon expects',
		},
		{ name: 'shopId', displayName: 'Shop ID', kind: 'text', optional: true },
		{ name: 'shopName', displayName: 'Shop Name', kind: 'text', optional: true },
		{ name: 'aliShopId', displayName: 'Ali Shop ID', kind: 'text', optional: true },
		{ name: 'priceRanges', displayName: 'Price Ranges (JSON)', kind: 'json', optional: true, placeholder: '[{"startQuantity":1,"price":1900}]' },
		{ name: 'quoteType', displayName: 'Quote Type', kind: 'number', optional: true },
	],
});
