/**
 * Editor suite (`npm run test:ui`): a real n8n 2.x with the packed package, its editor driven in headless
 * Chromium (Debian's package, installed on first use) the way a new user clicks through it. Screenshots go to
 * test-results/ui/ (a build artifact, not committed); README screenshots are refreshed with UPDATE_README_SHOTS=1.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.ts'],
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }],
	},
	testTimeout: 20 * 60 * 1000,
	maxWorkers: 1,
};
