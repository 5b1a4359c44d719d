/**
 * Required means required: an operation filled in only where the editor marks a field required (n8n's warning mark
 * while it is empty, rows of lines and addresses included) must not be refused for a missing field, by the node or
 * by the local server (which refuses what PandaPon refuses). A field PandaPon needs that the editor leaves unmarked
 * fails here.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { PandaPon } from '../../nodes/PandaPon/PandaPon.node';
import { useLocalServer } from '../support/localServer';
import { isShown, nodeOperations } from '../support/helpers';

const properties = new PandaPon().description.properties as INodeProperties[];
const OPERATIONS = nodeOperations(properties);

/** A value that is there (it may be refused as wrong, never as missing). */
const present = (p: INodeProperties): string | number | boolean =>
	p.type === 'number' ? 1 : p.type === 'boolean' ? true : '1';

/** The form as a user leaves it who fills in only what is marked required (and adds one row where a row is required). */
function requiredOnly(resource: string, operation: string): IDataObject {
	const form: IDataObject = { resource, operation };
	for (const p of properties) {
		if (
			!p.required ||
			p.name === 'resource' ||
			p.name === 'operation' ||
			!isShown(properties, p, form)
		)
			continue;
		if (p.type === 'fixedCollection') {
			const option = (p.options as Array<{ name: string; values: INodeProperties[] }>)[0];
			const row: IDataObject = Object.fromEntries(
				option.values.map((v) => [v.name, v.required ? present(v) : v.default]),
			);
			form[p.name] = { [option.name]: p.typeOptions?.multipleValues ? [row] : row };
		} else {
			form[p.name] = present(p);
		}
	}
	return form;
}

const MISSING = /\b(is|are) required\b|\bRequired\b|\bmissing\b|at least one line\b/;

describe('every field PandaPon needs is marked required in the editor', () => {
	// A 1 s timeout: a write refused with code 500 (an unknown outcome) is settled over 1 s + 2 s of reads.
	const local = useLocalServer({ seedOrders: 10 }, { timeoutSeconds: 1 });

	it.each(OPERATIONS)(
		'%s → %s: filled in only where marked, nothing is refused as missing',
		async (resource, operation) => {
			const result = await local.run({
				...requiredOnly(resource, operation),
				useUnverifiedEndpoint: true,
			});
			expect(result.error?.message ?? '').not.toMatch(MISSING);
		},
	);

	it('an unmarked required field fails this check: a row of lines left out of Create is refused as missing', async () => {
		const form = requiredOnly('order', 'create');
		delete form.cargo;
		const result = await local.run({ ...form, useUnverifiedEndpoint: true });
		expect(result.error?.message).toMatch(MISSING);
	});
});
