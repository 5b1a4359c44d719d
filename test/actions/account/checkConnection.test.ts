/**
 * Account → Check Connection against local servers that each accept one signing variant, as a real account
 * would: the check names the right one every time, the credential settings to use, and a skewed clock.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { pandaponWorkflow, runWorkflow } from '../../../tools/engine';
import { credentialsOf } from '../../support/localServer';
import {
	startServer,
	type PandaPonServer,
	type ServerOptions,
} from '../../../packages/local-server/src/app';

type Variant = NonNullable<ServerOptions['signatureVariant']>;

async function check(server: PandaPonServer, credential: IDataObject = {}) {
	const result = await runWorkflow(
		pandaponWorkflow({ parameters: { resource: 'account', operation: 'checkConnection' } }),
		{
			pandaPonApi: {
				...credentialsOf(server),
				...(credential as ICredentialDataDecryptedObject),
			},
		},
	);
	if (result.error) throw new Error(result.error.message);
	return result.output()[0].json as IDataObject & { variants: IDataObject[] };
}

describe('Account → Check Connection', () => {
	const servers: PandaPonServer[] = [];
	const start = async (options: ServerOptions) => {
		const server = await startServer({ seedOrders: 1, ...options });
		servers.push(server);
		return server;
	};
	afterAll(async () => {
		for (const server of servers) await server.close();
	});

	it.each<[string, Variant, string]>([
		[
			'seconds with nonce',
			{ timestampUnit: 'seconds', nonce: true },
			'Timestamp Unit: Seconds, Sign With Nonce: on',
		],
		[
			'milliseconds with nonce',
			{ timestampUnit: 'milliseconds', nonce: true },
			'Timestamp Unit: Milliseconds, Sign With Nonce: on',
		],
		[
			'seconds without nonce',
			{ timestampUnit: 'seconds', nonce: false },
			'Timestamp Unit: Seconds, Sign With Nonce: off',
		],
		[
			'milliseconds without nonce',
			{ timestampUnit: 'milliseconds', nonce: false },
			'Timestamp Unit: Milliseconds, Sign With Nonce: off',
		],
	])(
		'an account that accepts only %s is found, with the settings to use',
		async (_name, variant, settings) => {
			const server = await start({ signatureVariant: variant });
			const out = await check(server);
			expect(out.connected).toBe(true);
			expect(out.acceptedVariant).toBe(settings);
			expect(out.credentialSettings).toEqual({
				timestampUnit: variant.timestampUnit,
				signNonce: variant.nonce,
			});
			expect(out.variants.filter((v) => v.accepted)).toHaveLength(1);
			// Each variant is reported with PandaPon's own answer.
			for (const v of out.variants) {
				expect(v.httpStatus).toBe(200);
				expect(typeof v.ms).toBe('number');
				if (!v.accepted) expect(String(v.msg)).toMatch(/timestamp|signature|nonce/);
			}
			const matches = variant.timestampUnit === 'seconds' && variant.nonce;
			expect(out.credentialMatches).toBe(matches);
			expect(out.summary).toContain(
				matches
					? 'current settings'
					: `signed with ${settings}: set these in the PandaPon API credential`,
			);
			expect(Math.abs(out.clockOffsetSeconds as number)).toBeLessThanOrEqual(2);
			expect(out.clockWithinWindow).toBe(true);
			// Only reads went out: four GETs of the cart list.
			expect(server.log.map((e) => `${e.method} ${e.path}`)).toEqual(
				Array(4).fill('GET /v2/alibaba/cart/list'),
			);
		},
	);

	it('keeps the credential’s own settings when a lenient account accepts several', async () => {
		const server = await start({});
		const out = await check(server, { timestampUnit: 'milliseconds', signNonce: true });
		expect(out.variants.filter((v) => v.accepted).length).toBeGreaterThan(1);
		expect(out.acceptedVariant).toBe('Timestamp Unit: Milliseconds, Sign With Nonce: on');
		expect(out.credentialMatches).toBe(true);
	});

	it('reports a skewed clock (PandaPon allows 600 s) and says it is the cause', async () => {
		const server = await start({});
		server.clockSkewMs = 900_000;
		const out = await check(server);
		expect(out.connected).toBe(false);
		expect(out.clockOffsetSeconds).toBeGreaterThanOrEqual(898);
		expect(out.clockOffsetSeconds).toBeLessThanOrEqual(902);
		expect(out.clockWithinWindow).toBe(false);
		expect(out.summary).toContain(
			`clock is ${String(out.clockOffsetSeconds)} s off PandaPon’s (PandaPon allows 600 s): correct the clock`,
		);
	});

	it('a skew inside the window is reported but does not stop the check', async () => {
		const server = await start({ signatureVariant: { timestampUnit: 'seconds', nonce: true } });
		server.clockSkewMs = -120_000;
		const out = await check(server);
		expect(out.connected).toBe(true);
		expect(out.clockOffsetSeconds).toBeGreaterThanOrEqual(-122);
		expect(out.clockOffsetSeconds).toBeLessThanOrEqual(-118);
		expect(out.clockWithinWindow).toBe(true);
	});

	it('wrong keys: every variant refused, and the summary points at the credential, never at the secret itself', async () => {
		const server = await start({});
		const out = await check(server, { accessSecret: 'not-the-secret-value' });
		expect(out.connected).toBe(false);
		expect(out.variants.every((v) => v.accepted === false && v.code === 401)).toBe(true);
		expect(out.summary).toMatch(/check the Access Key, Access Secret and User ID/);
		expect(JSON.stringify(out)).not.toContain('not-the-secret-value');
		expect(JSON.stringify(out)).not.toContain(server.keys.accessSecret);
	});

	it('an unreachable Base URL is said plainly', async () => {
		const server = await start({});
		const url = server.url;
		await server.close();
		servers.splice(servers.indexOf(server), 1);
		const out = await check({ ...server, url } as PandaPonServer);
		expect(out.connected).toBe(false);
		expect(out.summary).toMatch(/could not be reached \(ECONNREFUSED\)/);
	});
});
