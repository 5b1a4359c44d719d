/**
 * n8n's community-package scanner, offline. `@n8n/scan-community-package` normally downloads the published
 * tarball and the provenance-attested source; here it lints the same two things locally: the source (package.json,
 * nodes/, credentials/) with its full rule set, and the packed tarball's compiled .js and package.json.
 *
 *   tsx tools/scan.ts      prints the findings; exit 1 if there are any
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { CACHE, ROOT } from './n8n/install';
import { packPackage } from './n8n/driver';

export const SCANNER_VERSION = '0.32.0';

function ensureScanner(): string {
	const dir = path.join(CACHE, `scanner-${SCANNER_VERSION}`);
	const entry = path.join(
		dir,
		'node_modules',
		'@n8n',
		'scan-community-package',
		'scanner',
		'scanner.mjs',
	);
	if (existsSync(entry)) return entry;
	console.log(`[scan] installing @n8n/scan-community-package@${SCANNER_VERSION} …`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true }));
	const result = spawnSync(
		'npm',
		[
			'install',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			`@n8n/scan-community-package@${SCANNER_VERSION}`,
		],
		{ cwd: dir, stdio: 'inherit' },
	);
	if (result.status !== 0) throw new Error('could not install the scanner');
	return entry;
}

export interface ScanResult {
	leg: string;
	passed: boolean;
	message?: string;
	details?: string;
}

export function scanPackage(): ScanResult[] {
	const entry = ensureScanner();
	const tarball = packPackage();
	const unpacked = path.join(CACHE, 'scan-unpacked');
	rmSync(unpacked, { recursive: true, force: true });
	mkdirSync(unpacked, { recursive: true });
	const untar = spawnSync('tar', ['-xzf', tarball, '-C', unpacked]);
	if (untar.status !== 0) throw new Error(`could not unpack ${tarball}`);
	const script = `
		import { analyzePackage, SOURCE_FILE_PATTERNS } from ${JSON.stringify(entry)};
		const source = await analyzePackage(${JSON.stringify(ROOT)}, SOURCE_FILE_PATTERNS);
		const dist = await analyzePackage(${JSON.stringify(path.join(unpacked, 'package'))}, ['**/*.js', 'package.json']);
		process.stdout.write(JSON.stringify([
			{ leg: 'source (package.json, nodes/, credentials/)', ...source, error: undefined },
			{ leg: 'packed tarball (compiled .js, package.json)', ...dist, error: undefined },
		]));
	`;
	// eslint-plugin-n8n-nodes-base changes its file-name rules when NODE_ENV is "test" (as Jest sets it).
	const env = { ...process.env };
	delete env.NODE_ENV;
	delete env.JEST_WORKER_ID;
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
		encoding: 'utf8',
		env,
		maxBuffer: 64 * 1024 * 1024,
	});
	if (run.status !== 0) throw new Error(`scanner failed: ${run.stderr}`);
	return JSON.parse(run.stdout) as ScanResult[];
}

if (require.main === module) {
	const results = scanPackage();
	for (const result of results) {
		console.log(
			`${result.passed ? '✔' : '✖'} ${result.leg}${result.message ? `: ${result.message}` : ''}`,
		);
		if (result.details) console.log(result.details);
	}
	if (results.some((r) => !r.passed)) process.exit(1);
}
