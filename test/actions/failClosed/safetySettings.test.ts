/**
 * Safety settings are never the model’s: each marked setting left to $fromAI refuses before anything is sent.
 * Part of the fail-closed suites (through n8n's engine against the local server; its counters and store are the
 * evidence). Each probe is counted; the table is printed at the end (tried / failed).
 */
import type { IDataObject } from 'n8n-workflow';

import { PandaPonApi } from '../../../credentials/PandaPonApi.credentials';
import { resourceDescriptions, SAFETY_SETTINGS } from '../../../nodes/PandaPon/actions/router';
import { isSafetySetting } from '../../../nodes/PandaPon/model/safety';
import { probeTally, useFailClosed } from '../../support/failClosed';

const probe = probeTally();

describe('fail closed', () => {
	const { local, server } = useFailClosed();

	describe('4. safety settings are never the model’s', () => {
		const FROM_AI = "={{ $fromAI('limit', 'the limit', 'number') }}";
		/** The node's parameters with `path` set to a $fromAI value, for an operation that shows the setting. */
		const withFromAi = ({ path, show }: (typeof SAFETY_SETTINGS)[number]): IDataObject => {
			const resource = (show.resource as string[])[0];
			const operation = (show.operation as string[])[0];
			const params: IDataObject = { resource, operation };
			// Every required field of the operation gets a value, so the refusal is the guard's, not n8n's.
			for (const property of resourceDescriptions.flat()) {
				const at = property.displayOptions?.show;
				if (!property.required || !at?.resource?.includes(resource)) continue;
				if (!at.operation?.includes(operation)) continue;
				params[property.name] = property.type === 'number' ? 1 : '1';
			}
			let at = params;
			for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as IDataObject;
			at[path[path.length - 1]] = FROM_AI;
			return params;
		};
		// Collected from the marks where the settings are declared: a renamed or new one is tried here too.
		const cases = SAFETY_SETTINGS.map((setting) => [
			`${setting.label} (${(setting.show.resource as string[])[0]}.${(setting.show.operation as string[])[0]}, ${setting.path.join('.')})`,
			setting,
		]) as Array<[string, (typeof SAFETY_SETTINGS)[number]]>;

		it('every spending limit, Use Unverified Endpoint and Safe to Repeat is marked', () => {
			const labels = new Set(SAFETY_SETTINGS.map((s) => s.label));
			expect(labels.size).toBeGreaterThanOrEqual(5);
			// A limit in CNY anywhere in the node is a safety setting.
			const limits =
				JSON.stringify(resourceDescriptions).match(
					/"displayName":"(Max [^"]*Total[^"]*|Budget) \(CNY\)"/g,
				) ?? [];
			for (const limit of limits) expect(labels).toContain(JSON.parse(`{${limit}}`).displayName);
		});

		it('the credential’s Access is marked', () => {
			expect(new PandaPonApi().properties.filter(isSafetySetting).map((p) => p.name)).toEqual([
				'access',
			]);
		});

		it.each(cases)('%s from $fromAI refuses before anything is sent', async (_what, setting) => {
			await probe('safety settings refuse $fromAI', async () => {
				const result = await local.run(withFromAi(setting));
				expect(result.error?.message).toBe(
					`Not sent: ${setting.label} is left to the AI model ($fromAI), and a safety setting cannot be left to the model. Set it to a fixed value in this node.`,
				);
				expect(server().count()).toBe(0);
			});
		});
	});
});
