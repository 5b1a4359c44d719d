/** The package as n8n's community-package checks see it: packed tarball contents and the scanner's lint. */
import { spawnSync } from 'node:child_process';

import { packPackage } from '../../tools/n8n/driver';
import { scanPackage } from '../../tools/scan';

describe('community package checks', () => {
	it('the tarball holds the compiled nodes, credential and icons, and nothing from the tests', () => {
		const listing = spawnSync('tar', ['-tzf', process.env.PANDAPON_E2E_TARBALL ?? packPackage()], {
			encoding: 'utf8',
		}).stdout;
		const files = listing.split('\n').filter(Boolean);
		for (const expected of [
			'package/package.json',
			'package/LICENSE',
			'package/README.md',
			'package/dist/credentials/PandaPonApi.credentials.js',
			'package/dist/nodes/PandaPon/PandaPon.node.js',
			'package/dist/nodes/PandaPon/PandaPonTrigger.node.js',
			'package/dist/icons/pandapon.svg',
		]) {
			expect(files).toContain(expected);
		}
		expect(
			files.filter((f) => /\/test\/|\.test\.|examples\/|packages\/|\.github\//.test(f)),
		).toEqual([]);
	});

	it('n8n’s community-package scanner finds nothing in the source or the tarball', () => {
		const results = scanPackage();
		expect(
			results.map((r) => ({ leg: r.leg, passed: r.passed, details: r.details ?? '' })),
		).toEqual(results.map((r) => ({ leg: r.leg, passed: true, details: '' })));
	});
});
