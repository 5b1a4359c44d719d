// Builds the `pandapon-local-server` command (packages/local-server) from the same source as `npm run server`:
// test/server/main.ts and everything it imports (the node's zod schemas, signing and lossless JSON included),
// bundled into one dependency-free file.
import { build } from 'esbuild';

await build({
	entryPoints: ['test/server/main.ts'],
	outfile: 'packages/local-server/dist/pandapon-local-server.js',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	banner: { js: '#!/usr/bin/env node' },
	legalComments: 'none',
	logLevel: 'warning',
});
console.log('built packages/local-server/dist/pandapon-local-server.js');
