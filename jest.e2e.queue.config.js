/** Queue-mode end-to-end run (`npm run test:e2e:queue`): Redis, PostgreSQL, n8n main + two workers. */
const base = require('./jest.e2e.config');

module.exports = { ...base, testMatch: ['**/queue.e2e.ts'], testPathIgnorePatterns: ['/node_modules/'] };
