/**
 * A Read Only credential: every operation that orders, pays, cancels, confirms, refunds, uploads or changes a cart
 * or an address refuses before sending, naming the setting; reads run as usual.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { PandaPon as PandaPonNode } from '../../nodes/PandaPon/PandaPon.node';
import { resources } from '../../nodes/PandaPon/actions/router';
import { ENDPOINTS, type EndpointName } from '../../nodes/PandaPon/model/endpoints';
import { useLocalServer } from '../support/localServer';
import { filledForm } from '../support/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PandaPon } = require('../../nodes/PandaPon/PandaPon.node.ts') as {
	PandaPon: typeof PandaPonNode;
};

const properties = new PandaPon().description.properties as INodeProperties[];
const operations = properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) =>
		((p.options ?? []) as INodePropertyOptions[]).map((o) => ({
			resource: String(p.displayOptions?.show?.resource?.[0]),
			operation: String(o.value),
		})),
	);
const endpointOf = (resource: string, operation: string) =>
	(resources[resource]?.[operation] as { endpoint?: EndpointName | null } | undefined)?.endpoint;
const writes = operations.filter((o) => {
	const key = endpointOf(o.resource, o.operation);
	return key && ENDPOINTS[key].access === 'write';
});

describe('Read Only credential', () => {
	const local = useLocalServer({ seedOrders: 20 }, { access: 'readOnly' });

	it('covers every write: 1688 orders, cart, after-sales, address book and all of Taobao’s', () => {
		expect(writes.length).toBe(27);
	});

	it.each(writes.map((o) => [`${o.resource} → ${o.operation}`, o] as const))(
		'%s refuses before sending, naming the setting',
		async (_name, { resource, operation }) => {
			local.server.resetStats();
			// Even with the guessed-write switch on and bad or missing fields: the setting is checked first.
			const result = await local.run({
				...filledForm(properties, resource, operation),
				useUnverifiedEndpoint: true,
			});
			expect(result.error?.message).toMatch(
				/^Item 1: This operation was not sent: the PandaPon API credential is set to Access: Read Only, and (GET|POST) \/\S+ changes real orders, money or data\.$/,
			);
			expect(local.server.count()).toBe(0);
		},
	);

	it('the custom API call counts as a write unless marked Safe to Repeat', async () => {
		local.server.resetStats();
		const write = await local.run({
			resource: 'custom',
			operation: 'call',
			method: 'POST',
			path: '/v2/alibaba/order/cancel',
			body: '{"webSite":"1688","orderId":1}',
		});
		expect(write.error?.message).toMatch(
			/Access: Read Only, and POST \/v2\/alibaba\/order\/cancel changes real orders/,
		);
		expect(local.server.count()).toBe(0);
		const [read] = await local.json({
			resource: 'custom',
			operation: 'call',
			method: 'POST',
			path: '/v2/alibaba/order/page',
			body: '{"pageNum":1,"pageSize":1}',
			idempotent: true,
		});
		expect(read).toBeDefined();
	});

	it('reads run as usual (Get Many, Preview, Check Connection)', async () => {
		const orders = await local.json({ resource: 'order', operation: 'getAll', limit: 3 });
		expect(orders).toHaveLength(3);
		const [check] = await local.json({ resource: 'account', operation: 'checkConnection' });
		expect(check.connected).toBe(true);
	});
});
