/**
 * A declared operation runs its beforeSend hook whether it pages or not: a paged declaration whose hook refuses
 * sends nothing, and one whose hook allows pages as usual and gets its output through the hook. (Paged declarations
 * used to return before the hook, so a check placed there was silently skipped.)
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { defineOperation } from '../../nodes/PandaPon/actions/define';
import { inputError } from '../../nodes/PandaPon/shared/parameters';
import { SEARCH_PAGING } from '../../nodes/PandaPon/actions/shared/paging';
import { pandaponWorkflow, registerNodeType, runWorkflow } from '../../tools/engine';
import { useLocalServer } from '../support/localServer';

const hookCalls: IDataObject[] = [];

const pagedSearch = defineOperation({
	resource: 'test',
	operation: 'pagedSearch',
	endpoint: 'productSearch',
	fields: [{ name: 'keyword', displayName: 'Keyword', kind: 'text', required: true }],
	constants: { country: 'en' },
	paging: SEARCH_PAGING,
	async beforeSend(itemIndex, body) {
		hookCalls.push({ ...body });
		if (body.keyword === 'refuse') throw inputError(this, itemIndex, 'refused by beforeSend');
		return async (items) =>
			items.map((item) => ({ ...item, json: { ...item.json, seenByHook: true } }));
	},
});

class PagedDeclaration implements INodeType {
	description = {
		displayName: 'Paged Declaration',
		name: 'pagedDeclaration',
		group: ['transform'],
		version: 1,
		description: 'One declared, paged operation',
		defaults: { name: 'Paged Declaration' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'pandaPonApi', required: true }],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'hidden', default: 'test' },
			{ displayName: 'Operation', name: 'operation', type: 'hidden', default: 'pagedSearch' },
			...pagedSearch.description,
		],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let item = 0; item < this.getInputData().length; item++)
			out.push(...(await pagedSearch.execute.call(this, item)));
		return [out];
	}
}
registerNodeType('test.pagedDeclaration', new PagedDeclaration());

describe('a paged declaration runs beforeSend', () => {
	const local = useLocalServer();
	beforeEach(() => {
		hookCalls.length = 0;
		local.server.resetStats();
	});

	const run = (keyword: string) =>
		runWorkflow(
			pandaponWorkflow({
				type: 'test.pagedDeclaration',
				parameters: { keyword, returnAll: false, limit: 3 },
			}),
			{ pandaPonApi: local.credentials },
		);

	it('a refusal in beforeSend sends nothing', async () => {
		const result = await run('refuse');
		expect(result.error?.message).toMatch(/refused by beforeSend/);
		expect(hookCalls).toEqual([{ keyword: 'refuse', country: 'en' }]);
		expect(local.server.count()).toBe(0);
	});

	it('when it allows, the pages are read and its output change applies', async () => {
		const result = await run('phone case');
		expect(result.error).toBeUndefined();
		const items = result.output('PandaPon').map((i) => i.json);
		expect(items).toHaveLength(3);
		expect(items.every((item) => item.seenByHook === true)).toBe(true);
		expect(hookCalls).toHaveLength(1);
		expect(local.server.count()).toBeGreaterThan(0);
	});
});
