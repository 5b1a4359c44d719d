import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescriptions, router } from './actions/router';

export class PandaPon implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PandaPon',
		name: 'pandaPon',
		icon: { light: 'file:pandapon.svg', dark: 'file:pandapon.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Search, order, pay for and ship goods from 1688.com and Taobao through PandaPon',
		defaults: { name: 'PandaPon' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pandaPonApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: '1688 After-Sale', value: 'refund' },
					{ name: '1688 Cart', value: 'cart' },
					{ name: '1688 Order', value: 'order' },
					{ name: '1688 Product', value: 'product' },
					{ name: 'Account', value: 'account' },
					{ name: 'Address Book', value: 'address' },
					{ name: 'Custom API Call', value: 'custom' },
					{ name: 'Taobao After-Sale', value: 'taobaoRefund' },
					{ name: 'Taobao Cart', value: 'taobaoCart' },
					{ name: 'Taobao Order', value: 'taobaoOrder' },
					{ name: 'Taobao Product', value: 'taobaoProduct' },
				],
				default: 'order',
			},
			...resourceDescriptions.flat(),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
