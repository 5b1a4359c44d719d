/**
 * Read Only is absolute: for every write path, however written, and every node (the credential signs no write).
 * Part of the fail-closed suites (through n8n's engine against the local server; its counters and store are the
 * evidence). Each probe is counted; the table is printed at the end (tried / failed).
 */

import { signPandaPonRequest } from '../../../credentials/PandaPonApi.credentials';
import { ENDPOINTS } from '../../../nodes/PandaPon/model/endpoints';
import { pandaponWorkflow, runWorkflow } from '../../../tools/engine';
import { probeTally, useFailClosed } from '../../support/failClosed';

const probe = probeTally();

describe('fail closed', () => {
	const { local, server } = useFailClosed();

	describe('5. Read Only is absolute', () => {
		const readOnly = () => ({ ...local.credentials, access: 'readOnly' });
		const writePaths = Object.values(ENDPOINTS)
			.filter((e) => e.access === 'write')
			.map((e) => e.path.replace('{refundId}', '123'));
		const variants = (path: string) => [
			path,
			`/v2/alibaba/order/page/../../..${path}`,
			path.replace(/\//g, '//'),
			`${path}/`,
			`/./${path.slice(1)}`,
			path.toUpperCase(),
			// The other API version of the same call (v1 ↔ v2).
			path.startsWith('/v2/') ? path.slice(3) : `/v2${path}`,
		];
		it('the Signed API Call, Safe to Repeat on, sends no write path however it is written', async () => {
			for (const path of writePaths) {
				for (const variant of variants(path)) {
					await probe('Read Only through the Signed API Call', async () => {
						server().resetStats();
						const result = await runWorkflow(
							pandaponWorkflow({
								parameters: {
									resource: 'custom',
									operation: 'call',
									method: 'POST',
									path: variant,
									body: '{}',
									idempotent: true,
								},
							}),
							{ pandaPonApi: readOnly() },
						);
						expect(result.error?.message).toMatch(
							/Access: Read Only|must be a path starting with \//,
						);
						expect(server().count()).toBe(0);
					});
				}
			}
		});

		it('a known read still goes out through the Signed API Call; an unknown path does not', async () => {
			await probe('Read Only through the Signed API Call', async () => {
				const ok = await runWorkflow(
					pandaponWorkflow({
						parameters: {
							resource: 'custom',
							operation: 'call',
							method: 'POST',
							path: '/v2/alibaba/order/page',
							body: '{"pageNum":1,"pageSize":1}',
						},
					}),
					{ pandaPonApi: readOnly() },
				);
				expect(ok.error).toBeUndefined();
				const unknown = await runWorkflow(
					pandaponWorkflow({
						parameters: {
							resource: 'custom',
							operation: 'call',
							method: 'POST',
							path: '/v3/alibaba/order/whatever',
							body: '{}',
							idempotent: true,
						},
					}),
					{ pandaPonApi: readOnly() },
				);
				expect(unknown.error?.message).toMatch(/Access: Read Only/);
			});
		});

		it('the credential itself refuses to sign a write, for any node (a plain signed request, as n8n’s HTTP Request node makes)', async () => {
			for (const path of writePaths) {
				for (const variant of variants(path)) {
					await probe('Read Only in the credential’s signing', async () => {
						server().resetStats();
						const result = await runWorkflow(
							pandaponWorkflow({
								type: 'test.bareRequest',
								parameters: { url: `${server().url}${variant}`, body: '{}' },
							}),
							{ pandaPonApi: readOnly() },
						);
						expect(result.error?.message).toMatch(/Access: Read Only/);
						expect(server().count()).toBe(0);
					});
				}
			}
			await probe('Read Only in the credential’s signing', async () => {
				await expect(
					signPandaPonRequest(
						{ ...readOnly() },
						{ url: `${server().url}/v2/alibaba/order/page`, method: 'POST' },
					),
				).resolves.toBeDefined();
				await expect(
					signPandaPonRequest(
						{ ...readOnly() },
						{ baseURL: server().url, url: '/alibaba/order/batch/submit/to/pay', method: 'POST' },
					),
				).rejects.toThrow(/Access: Read Only/);
				// The request-library form n8n's HTTP Request node uses.
				await expect(
					signPandaPonRequest({ ...readOnly() }, {
						uri: `${server().url}/v2/alibaba/order/page/../../../../alibaba/order/cancel`,
						method: 'POST',
					} as never),
				).rejects.toThrow(/Access: Read Only/);
			});
		});
	});
});
