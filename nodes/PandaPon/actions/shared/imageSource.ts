/** "Image from a binary property or a URL", for the image searches. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { binaryAsBase64 } from './fields';
import { inputError } from '../../shared/parameters';

export const imageSourceProperties: INodeProperties[] = [
	{
		displayName: 'Image Source',
		name: 'imageSource',
		type: 'options',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'An image in the input item (e.g. from Read/Write File or HTTP Request)',
			},
			{
				name: 'Image URL',
				value: 'url',
				description: 'The node downloads the image and sends it along with its URL',
			},
		],
		default: 'binary',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input item’s binary property that holds the image',
		displayOptions: { show: { imageSource: ['binary'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://cbu01.alicdn.com/img/ibank/example.jpg',
		displayOptions: { show: { imageSource: ['url'] } },
	},
];

export async function readImage(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<{ base64: string; url?: string }> {
	const source = this.getNodeParameter('imageSource', itemIndex, 'binary') as string;
	if (source === 'url') {
		const url = String(this.getNodeParameter('imageUrl', itemIndex, '')).trim();
		if (!/^https?:\/\/\S+$/i.test(url))
			throw inputError(this, itemIndex, `Image URL "${url}" must be an http(s) address`);
		let bytes: Buffer;
		try {
			const response = (await this.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'arraybuffer',
				json: false,
			})) as ArrayBuffer | Buffer;
			bytes = Buffer.from(response as ArrayBuffer);
		} catch (error) {
			throw inputError(
				this,
				itemIndex,
				`Image URL could not be downloaded (${(error as Error).message})`,
				'Nothing was sent to PandaPon.',
			);
		}
		if (!bytes.length) throw inputError(this, itemIndex, 'Image URL returned an empty file');
		return { base64: bytes.toString('base64'), url };
	}
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	return { base64: (await binaryAsBase64.call(this, itemIndex, property, 'Image')).base64 };
}
