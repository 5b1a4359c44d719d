/** The bench's profile split: which samples count as the node's run, and whose share each is. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { splitProfile } from '../../tools/bench/cpuProfile';

const PKG = 'file:///n8n/node_modules/n8n-nodes-pandapon/dist/nodes/PandaPon';
const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
	id,
	callFrame: { functionName, url },
	children,
});

function write(profile: object): string {
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cpu-test-')), 'p.cpuprofile');
	writeFileSync(file, JSON.stringify(profile));
	return file;
}

describe('splitProfile', () => {
	const nodes = [
		frame(1, '(root)', '', [2, 3, 4, 5, 6, 9]),
		// Start-up: the package's description builders run before the router.
		frame(2, 'forOperation', `${PKG}/shared/parameters.js`),
		frame(3, 'router', `${PKG}/actions/router.js`, [7]),
		frame(4, '(idle)', ''),
		frame(5, '(garbage collector)', ''),
		frame(6, 'pandaponEnvelope', `${PKG}/transport/request.js`, [8]),
		frame(7, 'httpRequest', 'file:///n8n/node_modules/@n8n/backend-network/dist/axios/request.js', [
			10,
		]),
		frame(8, '_parse', 'file:///n8n/node_modules/zod/v3/types.cjs'),
		frame(9, 'runMicrotasks', ''),
		// A native frame counts for the script that called it.
		frame(10, 'writev', ''),
	];
	// sample ids, each 1 ms after the one before
	const samples = [2, 2, 3, 10, 4, 4, 5, 6, 8, 9, 4];
	const profile = { nodes, samples, timeDeltas: samples.map(() => 1000) };

	it('counts from the router to the last sample of the package, by whose code ran', () => {
		const split = splitProfile(write(profile));
		const share = Object.fromEntries(
			split.shares.map(({ label, ms }) => [label.split(' (')[0], ms]),
		);
		// From the router's sample (whose delta is the time before it) to zod's, the package's last: 6 samples.
		expect(split.windowMs).toBe(6);
		expect(share["the node's own code"]).toBe(1);
		expect(share.zod).toBe(1);
		expect(share["n8n's request path"]).toBe(1);
		expect(share['waiting']).toBe(2);
		expect(share['garbage collection']).toBe(1);
		expect(share.other).toBe(0);
	});

	it('gives an empty window when the router never ran', () => {
		const split = splitProfile(
			write({ ...profile, samples: [2, 4, 5], timeDeltas: [1000, 1000, 1000] }),
		);
		expect(split.windowMs).toBe(0);
	});
});
