/**
 * The release files n8n's verification asks for: a licence, a changelog, CI and a publish workflow that builds,
 * tests and publishes from a version tag with an npm provenance statement through trusted publishing (no token).
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
type Step = {
	run?: string;
	uses?: string;
	env?: Record<string, string>;
	with?: Record<string, unknown>;
};
type Workflow = {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { permissions?: Record<string, string>; steps: Step[]; needs?: string }>;
};

describe('release files', () => {
	it('LICENSE is MIT, as package.json declares', () => {
		expect(read('LICENSE')).toMatch(/^MIT License\n/);
		expect(JSON.parse(read('package.json')).license).toBe('MIT');
	});

	it('CHANGELOG follows Keep a Changelog and has an entry for this version', () => {
		const changelog = read('CHANGELOG.md');
		const { version } = JSON.parse(read('package.json')) as { version: string };
		expect(changelog).toContain('Keep a Changelog');
		expect(changelog).toMatch(
			new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
		);
	});

	it('publish.yml: on a version tag, install, lint, build, test, publish with provenance; OIDC, no token', () => {
		const text = read('.github/workflows/publish.yml');
		const workflow = parse(text) as Workflow;
		expect((workflow.on.push as { tags: string[] }).tags).toEqual(['v*.*.*']);
		expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
		const runs = steps.map((s) => s.run ?? '').join('\n');
		for (const command of ['npm ci', 'npm run typecheck', 'npm test', 'npm run release'])
			expect(runs).toContain(command);
		const release = steps.find((s) => s.run?.includes('npm run release'))!;
		expect(release.env?.NPM_CONFIG_PROVENANCE).toBe('true');
		expect(text).not.toMatch(/NPM_TOKEN|_authToken|secrets\./);
	});

	it('ci.yml runs what .ci/run runs: lint, typecheck, build, unit tests, real-n8n e2e and queue mode', () => {
		const workflow = parse(read('.github/workflows/ci.yml')) as Workflow;
		const runs = Object.values(workflow.jobs)
			.flatMap((job) => job.steps.map((s) => s.run ?? ''))
			.join('\n');
		const ci = read('.ci/run');
		for (const command of [
			'npm run lint',
			'npm run typecheck',
			'npm run build',
			'npm test',
			'npm run test:e2e',
			'npm run test:e2e:queue',
		]) {
			expect(runs).toContain(command);
			expect(ci).toContain(command);
		}
		expect(workflow.permissions).toEqual({ contents: 'read' });
	});

	it('npm publish outside the release path is stopped (n8n-node prerelease)', () => {
		const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
		expect(scripts.prepublishOnly).toBe('n8n-node prerelease');
		expect(scripts.release).toBe('n8n-node release');
	});
});
