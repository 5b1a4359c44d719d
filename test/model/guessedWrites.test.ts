/**
 * Guessed writes are opt-in: an operation whose path or body is on no public page and that changes anything
 * refuses to run (nothing sent) until its "Use Unverified Endpoint" switch is on. Guessed reads run as before.
 */
import type { INodeProperties } from 'n8n-workflow';

import { PandaPon } from '../../nodes/PandaPon/PandaPon.node';
import { ENDPOINTS, isGuessedWrite } from '../../nodes/PandaPon/model/endpoints';
import { useLocalServer } from '../support/localServer';
import { filledForm } from '../support/helpers';

const properties = new PandaPon().description.properties as INodeProperties[];
const switches = properties.filter((p) => p.name === 'useUnverifiedEndpoint');
const operationsWithSwitch = switches.map((p) => ({
	resource: String(p.displayOptions?.show?.resource?.[0]),
	operation: String(p.displayOptions?.show?.operation?.[0]),
}));

describe('guessed writes', () => {
	const local = useLocalServer({ seedOrders: 5 });

	it('every guessed write endpoint has an operation behind the switch, and the switch is off by default', () => {
		const guessedWrites = Object.values(ENDPOINTS).filter(isGuessedWrite);
		expect(guessedWrites.length).toBe(11);
		expect(switches).toHaveLength(guessedWrites.length);
		expect(switches.every((p) => p.default === false && p.type === 'boolean')).toBe(true);
		// The one notice sits right before the switch and says what is guessed, in the user's words.
		for (const s of switches) {
			const notice = properties[properties.indexOf(s) - 1];
			expect(notice.type).toBe('notice');
			expect(notice.displayName).toMatch(/does not publish how this call works/);
			expect(notice.displayOptions?.show).toEqual(s.displayOptions?.show);
		}
	});

	it.each(operationsWithSwitch.map((o) => [`${o.resource} → ${o.operation}`, o] as const))(
		'%s with the switch off sends nothing and says why',
		async (_name, { resource, operation }) => {
			local.server.resetStats();
			const result = await local.run(filledForm(properties, resource, operation));
			expect(result.error?.message).toMatch(
				/^Item 1: This operation was not sent: PandaPon does not publish this endpoint \((GET|POST) \/\S+ is a guess\) and it changes real orders or money\. Turn on "Use Unverified Endpoint"/,
			);
			expect(result.error?.description).toMatch(/^Nothing was sent to PandaPon/);
			expect(local.server.count()).toBe(0);
		},
	);

	it('with the switch on, the guess is sent (Taobao Cancel reaches the local server)', async () => {
		local.server.resetStats();
		await local.run({
			resource: 'taobaoOrder',
			operation: 'cancel',
			useUnverifiedEndpoint: true,
			orderId: '200000000001',
		});
		expect(local.server.count('POST /v2/taobao/order/cancel')).toBe(1);
	});

	it('a guessed read runs without the switch, with its notice (Taobao Get Many)', async () => {
		local.server.resetStats();
		const result = await local.run({ resource: 'taobaoOrder', operation: 'getAll', limit: 5 });
		expect(result.error).toBeUndefined();
		expect(local.server.count('POST /v2/taobao/order/page')).toBe(1);
		const notice = properties.find(
			(p) =>
				p.name === 'inferredNotice' &&
				p.displayOptions?.show?.resource?.[0] === 'taobaoOrder' &&
				p.displayOptions?.show?.operation?.[0] === 'getAll',
		);
		expect(notice?.displayName).toMatch(
			/does not publish this endpoint, so the node sends its best guess/,
		);
	});
});
