/**
 * One jest configuration, four projects, each with its own command:
 *   unit   `npm test`               tests/**.test.ts: the nodes through n8n's engine against the local server
 *   e2e    `npm run test:e2e`       test/e2e/*.e2e.ts: real n8n 2.x and 1.x (installed on first use by
 *                                  tools/n8n/install.ts; PANDAPON_E2E_N8N=v1|v2|all picks the versions)
 *   queue  `npm run test:e2e:queue` queue mode: Redis, PostgreSQL, n8n main + two workers
 *   ui     `npm run test:ui`        the editor of a real n8n 2.x in headless Chromium (screenshots in test-results/ui/)
 * The real-n8n projects run in band with long timeouts (given on their command lines: jest reads timeouts and
 * worker counts per run, not per project). `npm test` runs three workers: most of the unit suites wait on the local
 * server's timers (settling windows, timeouts), not on the CPU, so three overlap well on 2 cores (599 s → 253 s).
 */
const transform = {
	'^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }],
};
const base = { testEnvironment: 'node', transform };
const realN8n = { ...base, globalSetup: '<rootDir>/test/e2e/globalSetup.ts' };

module.exports = {
	testTimeout: 30000,
	projects: [
		{
			...base,
			displayName: 'unit',
			roots: ['<rootDir>/test'],
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/ui/'],
		},
		{
			...realN8n,
			displayName: 'e2e',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.e2e.ts'],
			testPathIgnorePatterns: ['/node_modules/', 'queue\\.e2e\\.ts'],
		},
		{
			...realN8n,
			displayName: 'queue',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/queue.e2e.ts'],
		},
		{ ...realN8n, displayName: 'ui', roots: ['<rootDir>/test/ui'], testMatch: ['**/*.ui.ts'] },
	],
};
