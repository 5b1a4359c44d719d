/**
 * The local server as its own package, the way a no-code user gets it: built from the same source as
 * `npm run server`, packed, installed from the tarball into an empty folder, started as the
 * `pandapon-local-server` command, answering a signed call as PandaPon does, and saying it is simulated.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { computeSignature, createNonce } from '../../nodes/PandaPon/model/requestSignature';
import { ROOT } from '../../tools/n8n/install';

const run = (command: string, args: string[], cwd: string) => {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
	return result.stdout;
};

describe('pandapon-local-server package', () => {
	const work = mkdtempSync(path.join(tmpdir(), 'pandapon-local-server-'));
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it('installs from its packed tarball into an empty folder and answers a signed call', async () => {
		run('npm', ['run', '--silent', 'build:local-server'], ROOT);
		const packed = JSON.parse(
			run(
				'npm',
				['pack', '--json', '--pack-destination', work],
				path.join(ROOT, 'packages', 'local-server'),
			),
		) as Array<{ filename: string; files: Array<{ path: string }> }>;
		expect(packed[0].files.map((f) => f.path).sort()).toEqual([
			'LICENSE',
			'README.md',
			'dist/pandapon-local-server.js',
			'package.json',
		]);
		const user = path.join(work, 'user');
		run('mkdir', ['-p', user], work);
		writeFileSync(path.join(user, 'package.json'), '{"private": true}');
		run('npm', ['install', '--no-audit', '--no-fund', path.join(work, packed[0].filename)], user);

		const child = spawn(path.join(user, 'node_modules', '.bin', 'pandapon-local-server'), [], {
			cwd: user,
			env: { ...process.env, PORT: '0', PANDAPON_SEED_ORDERS: '5' },
		});
		try {
			const printed = await new Promise<string>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					if (out.includes('Base URL')) resolve(out);
				});
				child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
			});
			// It prints what to paste into n8n's credential, and says it is simulated.
			const value = (label: string) => new RegExp(`${label} +(\\S+)`).exec(printed)?.[1] ?? '';
			expect(printed).toMatch(/SIMULATED: a local test server/);
			const [accessKey, accessSecret, userId, baseUrl] = [
				'Access Key',
				'Access Secret',
				'User ID',
				'Base URL',
			].map(value);
			expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

			const timestamp = String(Math.floor(Date.now() / 1000));
			const nonce = createNonce();
			const answer = await fetch(`${baseUrl}/v2/alibaba/order/page`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'access-key': accessKey,
					timestamp,
					'nonce-str': nonce,
					'user-id': userId,
					signature: computeSignature(accessKey, timestamp, nonce, accessSecret),
				},
				body: '{"pageNum":1,"pageSize":2}',
			});
			const text = await answer.text();
			expect(answer.headers.get('x-pandapon-simulated')).toMatch(/no real orders/);
			expect(text).toMatch(/^\{"requestId":"[0-9a-f]{32}","code":200,/);
			expect(text).toMatch(/"tbOrderId":"\d{19}"/);
			const refused = (await (
				await fetch(`${baseUrl}/v2/alibaba/order/page`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: '{}',
				})
			).json()) as { code: number };
			expect(refused.code).toBe(401);
		} finally {
			child.kill('SIGTERM');
		}
	});
});
