import type { FieldSpec } from '../shared/fields';

export const ITEM_ID: FieldSpec = {
	name: 'itemId',
	displayName: 'Item ID',
	kind: 'text',
	required: true,
	placeholder: 'e.g. 672991141190',
	description: 'The Taobao item ID (v2: PandaPon’s mapped item ID)',
};
