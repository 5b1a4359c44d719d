/**
 * Redis and PostgreSQL for the queue-mode run, from Debian's packages (installed with apt-get if missing), each
 * started on a free loopback port with its data in a throwaway folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, stopProcess, waitFor } from './driver';

const log = (message: string) => console.log(`[e2e] ${message}`);
const isRoot = () => process.getuid?.() === 0;

export function which(command: string): string | undefined {
	const found = spawnSync('sh', ['-c', `command -v ${command}`], {
		encoding: 'utf8',
	}).stdout.trim();
	return found || undefined;
}

export function aptInstall(packages: string[]) {
	log(`installing ${packages.join(', ')} from Debian's packages …`);
	const sudo = isRoot() ? [] : ['sudo', '-n'];
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const run = (args: string[]) =>
		spawnSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
			stdio: 'inherit',
			env,
		});
	if (run(['apt-get', 'install', '-y', '-q', ...packages]).status !== 0) {
		run(['apt-get', 'update', '-q']);
		if (run(['apt-get', 'install', '-y', '-q', ...packages]).status !== 0)
			throw new Error(`apt-get install ${packages.join(' ')} failed`);
	}
}

export interface Service {
	port: number;
	stop(): Promise<void>;
}

export async function startRedis(): Promise<Service> {
	if (!which('redis-server')) aptInstall(['redis-server']);
	const port = await freePort();
	const child = spawn(
		which('redis-server')!,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' },
	);
	await waitFor(
		'redis',
		async () =>
			spawnSync(which('redis-cli') ?? 'redis-cli', ['-p', String(port), 'ping'], {
				encoding: 'utf8',
			}).stdout.trim() === 'PONG',
		30000,
	);
	return { port, stop: () => stopProcess(child) };
}

function postgresBin(): string {
	const candidates = [
		'/usr/lib/postgresql/17/bin',
		'/usr/lib/postgresql/16/bin',
		'/usr/lib/postgresql/15/bin',
	];
	let dir = candidates.find((d) => existsSync(path.join(d, 'initdb')));
	if (!dir) {
		aptInstall(['postgresql']);
		dir = candidates.find((d) => existsSync(path.join(d, 'initdb')));
	}
	if (!dir) throw new Error('PostgreSQL binaries not found after installing');
	return dir;
}

/** As root, PostgreSQL must run as the postgres user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export async function startPostgres(database: string): Promise<Service> {
	const bin = postgresBin();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'pandapon-pg-'));
	chmodSync(dir, 0o777);
	const data = path.join(dir, 'data');
	if (isRoot()) spawnSync('chown', ['postgres', dir]);
	const [initCmd, initArgs] = asPostgres(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-sync',
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
	const port = await freePort();
	const [cmd, args] = asPostgres(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'max_connections=200',
	]);
	const child: ChildProcess = spawn(cmd, args, { stdio: 'ignore' });
	const psql = (sql: string) =>
		spawnSync(
			path.join(bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', sql],
			{ encoding: 'utf8' },
		);
	await waitFor('postgres', async () => psql('select 1').status === 0, 30000);
	const created = psql(`create database ${database}`);
	if (created.status !== 0) throw new Error(`create database failed: ${created.stderr}`);
	return {
		port,
		stop: async () => {
			await stopProcess(child, 'SIGINT');
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
