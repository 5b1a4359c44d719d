/**
 * The local server’s admin API cannot be driven by a web page.
 * Part of the fail-closed suites (through n8n's engine against the local server; its counters and store are the
 * evidence). Each probe is counted; the table is printed at the end (tried / failed).
 */
import axios from 'axios';

import { probeTally, useFailClosed } from '../../support/failClosed';

const probe = probeTally();

describe('fail closed', () => {
	const { local, server, unpaid } = useFailClosed();

	describe('7. the local server’s admin API cannot be driven by a web page', () => {
		const push = { url: 'http://127.0.0.1:9/x', messageType: 'ORDER_PAY_SUCCESS' };
		const refused: Array<[string, Record<string, string>, string]> = [
			[
				'a cross-site text/plain POST',
				{ 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
				JSON.stringify(push),
			],
			['a text/plain POST from no page', { 'Content-Type': 'text/plain' }, JSON.stringify(push)],
			['a form POST', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1'],
			[
				'JSON with a foreign Origin',
				{ 'Content-Type': 'application/json', Origin: 'https://evil.example' },
				JSON.stringify(push),
			],
			[
				'JSON with Origin null',
				{ 'Content-Type': 'application/json', Origin: 'null' },
				JSON.stringify(push),
			],
			[
				'JSON for a rebound host name',
				{ 'Content-Type': 'application/json', Host: 'evil.example' },
				JSON.stringify(push),
			],
			[
				'a browser’s cross-site fetch',
				{ 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
				JSON.stringify(push),
			],
		];
		it.each(refused)(
			'%s is refused (403) for /__admin/push, /__admin/callback and an order action',
			async (_name, headers, body) => {
				for (const path of [
					'/__admin/push',
					'/__admin/callback',
					`/__admin/orders/${unpaid()}/pay`,
				]) {
					await probe('admin API refuses web pages', async () => {
						const answer = await axios.post(`${server().url}${path}`, body, {
							headers,
							validateStatus: () => true,
							transformRequest: [(d) => d],
						});
						expect(answer.status).toBe(403);
					});
				}
			},
		);

		it('JSON from this machine is answered, and the request log redacts signature and nonce-str', async () => {
			await probe('admin API refuses web pages', async () => {
				await local.json({ resource: 'order', operation: 'getAll', limit: 1 });
				const health = await axios.post(`${server().url}/__admin/faults`, [], {
					headers: { 'Content-Type': 'application/json' },
				});
				expect(health.status).toBe(200);
				const log = (await axios.get(`${server().url}/__admin/requests`)).data as {
					requests: Array<{ headers: Record<string, string> }>;
				};
				expect(log.requests.length).toBeGreaterThan(0);
				for (const request of log.requests) {
					expect(request.headers.signature).toBe('[redacted]');
					expect(request.headers['nonce-str']).toBe('[redacted]');
				}
			});
		});
	});
});
