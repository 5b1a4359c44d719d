/**
 * End-to-end suite (`npm run test:e2e`): real n8n processes, installed on first use by test/e2e/install.ts,
 * run the example workflows and one workflow per operation against the local PandaPon server.
 * PANDAPON_E2E_N8N=v1|v2|all (default all) picks the n8n versions.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// Queue mode has its own command and configuration (jest.e2e.queue.config.js).
	testPathIgnorePatterns: ['/node_modules/', 'queue\\.e2e\\.ts'],
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }],
	},
	testTimeout: 15 * 60 * 1000,
	maxWorkers: 1,
};
