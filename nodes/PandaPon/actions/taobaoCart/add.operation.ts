import { taobaoCartAddSchema } from '../../model/taobao';
import { defineOperation } from '../define';

export const { description, execute, endpoint } = defineOperation({
	resource: 'taobaoCart',
	operation: 'add',
	endpoint: 'taobaoCartAdd',
	schema: taobaoCartAddSchema,
	// The v2 page's fields (doc-env2.pandapon.com/api-289121002), with its JSON types.
	fields: [
		{ name: 'mpId', displayName: 'Distribution Product ID (mpId)', kind: 'text', required: true, description: 'The distribution product ID (mpId) of the item, from Taobao Product → Get' },
		{ name: 'mpSkuId', displayName: 'Distribution SKU ID (mpSkuId)', kind: 'text', required: true, description: 'The distribution SKU ID (mpSkuId) of the colour/size to buy, from Taobao Product → Get' },
		{ name: 'quantity', displayName: 'Quantity', kind: 'number', required: true, default: 1 },
		{ name: 'itemMapId', displayName: 'Item ID (Mapped)', kind: 'text', optional: true, description: 'The item’s mapped ID (itemMapId), from Taobao Product → Get' },
		{ name: 'skuId', displayName: 'SKU ID', kind: 'text', optional: true, description: 'The Taobao SKU ID of the colour/size, from Taobao Product → Get' },
		{ name: 'itemTitle', displayName: 'Item Title', kind: 'text', optional: true, description: 'The item title shown in the cart (itemTitle)' },
		{ name: 'itemPic', displayName: 'Item Picture URL', kind: 'text', optional: true, description: 'The item picture shown in the cart (itemPic)' },
		{ name: 'price', displayName: 'Price', kind: 'number', optional: true, description: 'Whole number; unit not published by PandaPon (probably fen)' },
		{ name: 'promotionPrice', displayName: 'Promotion Price', kind: 'number', optional: true, description: 'Whole number; unit not published (probably fen)' },
		{
			name: 'properties',
			displayName: 'Properties (JSON)',
			kind: 'jsonText',
			optional: true,
			placeholder: 'e.g. [{"propId":1627207,"propName":"颜色","valueId":28341,"valueName":"黑色"}]',
			description: 'The SKU’s properties; sent as the JSON text PandaPon expects',
		},
		{ name: 'shopId', displayName: 'Shop ID', kind: 'id', optional: true, description: 'Digits only: sent as a JSON integer, as the page types it' },
		{ name: 'shopName', displayName: 'Shop Name', kind: 'text', optional: true, description: 'The Taobao shop’s name, as Taobao Product → Get shows it' },
		{ name: 'aliShopId', displayName: 'Ali Shop ID', kind: 'text', optional: true, description: 'The shop’s Alibaba ID, as Taobao Product → Get shows it' },
		{
			name: 'priceRanges',
			displayName: 'Price Ranges (JSON)',
			kind: 'json',
			optional: true,
			placeholder: 'e.g. [{"startQuantity": 1, "price": 19.5}]',
			description: 'The item’s wholesale price tiers, as Taobao Product → Get shows them: from startQuantity units (a whole number) the unit price is price (a number; PandaPon does not publish its unit)',
		},
		{ name: 'quoteType', displayName: 'Quote Type', kind: 'code', optional: true, placeholder: 'e.g. 1', description: 'How the item is priced (quoteType), a code PandaPon does not explain: copy it from the item (Taobao Product → Get) or leave empty' },
		{ name: 'userId', displayName: 'User ID', kind: 'text', optional: true, description: 'PandaPon user the cart line belongs to' },
		{ name: 'platform', displayName: 'Platform', kind: 'number', optional: true, description: 'Platform code (PandaPon’s example sends 1)' },
		{ name: 'skuQuantity', displayName: 'SKU Stock', kind: 'text', optional: true, description: 'The SKU’s stock, as text (skuQuantity)' },
		{ name: 'userNick', displayName: 'User Nickname', kind: 'text', optional: true, description: 'Your PandaPon nickname, as the cart stores it (userNick)' },
	],
});
