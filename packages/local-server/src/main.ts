/**
 * `npm run server`: starts the local PandaPon-compatible server.
 * Env: PORT (default 8787), HOST (127.0.0.1), PANDAPON_ACCESS_KEY, PANDAPON_ACCESS_SECRET, PANDAPON_USER_ID
 * (defaults in app.ts DEFAULT_KEYS), PANDAPON_SEED_ORDERS (1000), PANDAPON_AUTO_SHIP_MS (0 = ship only via
 * /__admin), PANDAPON_AUTO_RECEIVE_MS (0; with auto ship, confirm receipt this long after shipping), PANDAPON_CALLBACK_URL (push order events there), PANDAPON_SIGNATURE_VARIANT (accept only one signing
 * form, as a real account would: seconds-nonce, milliseconds-nonce, seconds or milliseconds; unset = any),
 * PANDAPON_ADMIN_FROM_ANYWHERE=true (answer the unsigned /__admin endpoints for other machines too, e.g. Docker),
 * PANDAPON_ADMIN_HOSTS=name,… (host names besides loopback that the admin endpoints answer to).
 * Also published on its own as the `pandapon-local-server` command (packages/local-server).
 */
import { DEFAULT_KEYS, startServer, type ServerOptions } from './app';

function signatureVariant(text: string | undefined): ServerOptions['signatureVariant'] {
	if (!text) return undefined;
	const match = /^(seconds|milliseconds)(-nonce)?$/.exec(text.trim());
	if (!match)
		throw new Error(
			`PANDAPON_SIGNATURE_VARIANT "${text}": use seconds-nonce, milliseconds-nonce, seconds or milliseconds`,
		);
	return { timestampUnit: match[1] as 'seconds' | 'milliseconds', nonce: Boolean(match[2]) };
}

async function main() {
	const env = process.env;
	const server = await startServer({
		port: Number(env.PORT ?? 8787),
		host: env.HOST ?? '127.0.0.1',
		accessKey: env.PANDAPON_ACCESS_KEY || DEFAULT_KEYS.accessKey,
		accessSecret: env.PANDAPON_ACCESS_SECRET || DEFAULT_KEYS.accessSecret,
		userId: env.PANDAPON_USER_ID || DEFAULT_KEYS.userId,
		seedOrders: Number(env.PANDAPON_SEED_ORDERS ?? 1000),
		autoShipMs: Number(env.PANDAPON_AUTO_SHIP_MS ?? 0),
		autoReceiveMs: Number(env.PANDAPON_AUTO_RECEIVE_MS ?? 0),
		callbackUrl: env.PANDAPON_CALLBACK_URL || undefined,
		signatureVariant: signatureVariant(env.PANDAPON_SIGNATURE_VARIANT),
		adminFromAnywhere: env.PANDAPON_ADMIN_FROM_ANYWHERE === 'true',
		adminHosts: env.PANDAPON_ADMIN_HOSTS
			? env.PANDAPON_ADMIN_HOSTS.split(',')
					.map((h) => h.trim())
					.filter(Boolean)
			: undefined,
	});
	const port = new URL(server.url).port;
	console.log(
		[
			`PandaPon local server listening on ${server.url} (${server.store.size} orders, access key ${server.keys.accessKey}, user id ${server.keys.userId})`,
			'SIMULATED: a local test server. Nothing here is a real order and no money moves.',
			'In n8n, create a "PandaPon API" credential with:',
			`  Access Key     ${server.keys.accessKey}`,
			`  Access Secret  ${server.keys.accessSecret}`,
			`  User ID        ${server.keys.userId}`,
			`  Base URL       ${server.url}   (n8n in Docker: http://host.docker.internal:${port}, and start this with HOST=0.0.0.0)`,
		].join('\n'),
	);
	const stop = () => {
		void server.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
