// Builds the `pandapon-local-server` command from the same source as `npm run server`: src/main.ts and everything
// it imports (the PandaPon model the nodes use too: zod wire shapes, signing, lossless JSON), bundled into one
// dependency-free file.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, 'dist', 'pandapon-local-server.js');

await build({
	entryPoints: [path.join(here, 'src', 'main.ts')],
	outfile,
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	banner: { js: '#!/usr/bin/env node' },
	legalComments: 'none',
	logLevel: 'warning',
});
console.log(`built ${path.relative(process.cwd(), outfile)}`);
