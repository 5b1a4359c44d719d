/** The canvas subtitle reads like the dropdowns ("1688 Order: Get Many"), for every operation. */
import type { INodeProperties } from 'n8n-workflow';

import type { PandaPon as PandaPonNode } from '../../nodes/PandaPon/PandaPon.node';
import { subtitleFor } from '../../nodes/PandaPon/actions/resources';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PandaPon } = require('../../nodes/PandaPon/PandaPon.node.ts') as {
	PandaPon: typeof PandaPonNode;
};

const description = new PandaPon().description;
const properties = description.properties as INodeProperties[];

/** Evaluates the subtitle expression as n8n does for one resource/operation. */
function render(resource: string, operation: string): string {
	const body = String(description.subtitle)
		.replace(/^=\{\{/, '')
		.replace(/\}\}$/, '');
	return String(new Function('$parameter', `return ${body};`)({ resource, operation }));
}

describe('canvas subtitle', () => {
	it('is the literal that subtitleFor() builds from the dropdowns (n8n lint wants a literal: paste the printed one)', () => {
		const expected = subtitleFor(properties);
		if (description.subtitle !== expected) console.log(`subtitle should be:\n${expected}`);
		expect(description.subtitle).toBe(expected);
	});

	it('names resource and operation in words', () => {
		expect(render('order', 'getAll')).toBe('1688 Order: Get Many');
		expect(render('taobaoRefund', 'getAll')).toBe('Taobao After-Sale: Get Many');
		expect(render('custom', 'call')).toBe('Signed API Call: Call API');
		expect(render('order', '__CUSTOM_API_CALL__')).toBe('');
	});
});
