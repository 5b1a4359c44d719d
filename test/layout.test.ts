/**
 * The layers of the package, bottom to top, and the only directions imports may run:
 *
 *   model/      the PandaPon API (endpoints, lossless JSON, signatures, wire and request shapes): no n8n at all
 *   transport/  the one HTTP path through n8n's helpers: imports the model only
 *   shared/     what the action node and the triggers both use (parameters, simplify)
 *   trigger/    push and poll logic of the trigger nodes
 *   actions/    the action node's resources and operations (may use the push logic, for Push → Verify Push);
 *               a resource imports its own folder, actions/shared/ and define.ts only; actions/shared/ neither
 *   *.node.ts   the three nodes; the trigger nodes never import actions/
 *
 * The credential uses the model only; the local server (packages/local-server) uses the model only, so it stays
 * one dependency-free bundle. Nothing shipped imports tests or tools. No import cycles anywhere.
 *
 * `npm run lint` enforces all of that (eslint.config.mjs: import-x/no-restricted-paths zones, import-x/no-cycle,
 * no n8n in the model). This file keeps what lint cannot say (the folder has exactly these layers; the README's
 * drawing is current) and proves the lint rules bite on planted imports, linted as text at a real path.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

import {
	LAYERS,
	NODE,
	ROOT,
	filesUnder,
	importsOf,
	partOf,
	readmeWithDrawing,
} from '../tools/structure';

describe('the structure lint cannot say', () => {
	it('the node folder has exactly these layers (and the three node files)', () => {
		const parts = new Set(filesUnder(NODE).map((f) => partOf(f) ?? f));
		expect([...parts].sort()).toEqual([...LAYERS].sort());
	});

	it('the drawing reads imports, not text: an import written in a comment is no import', () => {
		const dir = fs.mkdtempSync(path.join(ROOT, 'test', '.layout-'));
		try {
			const file = path.join(dir, 'commented.ts');
			fs.writeFileSync(
				file,
				"// import '../../nodes/PandaPon/actions/router';\n/* from '../x' */\nimport { a } from './real';\nexport const b = import('./later');\n",
			);
			const rel = path.relative(ROOT, file).split(path.sep).join('/');
			const dirRel = path.posix.dirname(rel);
			expect(importsOf(rel)).toEqual([`${dirRel}/real`, `${dirRel}/later`]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('the README’s structure drawing is the one the imports make (npm run structure)', () => {
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		expect(readme).toBe(readmeWithDrawing(readme));
	});
});

/**
 * Lints `text` as if it were the file at `file`, with the project's own ESLint and config, in a child process
 * (ESLint loads eslint.config.mjs as an ES module, which jest's module system cannot). Returns, per entry, the
 * structure rules that fire.
 */
function structureErrors(entries: { file: string; text: string }[]): string[][] {
	const script = `
		const { ESLint } = await import(${JSON.stringify(require.resolve('eslint'))});
		const entries = JSON.parse(require('fs').readFileSync(0, 'utf8'));
		const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
		const rules = ['import-x/no-restricted-paths', 'import-x/no-cycle', 'no-restricted-imports'];
		const out = [];
		for (const { file, text } of entries) {
			const [result] = await eslint.lintText(text, { filePath: require('path').join(${JSON.stringify(ROOT)}, file) });
			out.push(result.messages.filter((m) => rules.includes(m.ruleId ?? '')).map((m) => m.ruleId + ': ' + m.message));
		}
		process.stdout.write(JSON.stringify(out));
	`;
	const stdout = execFileSync(
		process.execPath,
		[
			'--input-type=commonjs',
			'-e',
			`(async () => {${script}})().catch((e) => { console.error(e); process.exit(1); })`,
		],
		{
			input: JSON.stringify(entries),
			encoding: 'utf8',
			maxBuffer: 16 * 1024 * 1024,
		},
	);
	return JSON.parse(stdout) as string[][];
}

const own = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** [what, file, planted line]: each must make lint fail when added to that file. */
const PLANTED: [string, string, string][] = [
	[
		'one resource into another',
		`${NODE}/actions/order/cancel.operation.ts`,
		"import '../cart/add.operation';",
	],
	[
		'actions/shared/ into a resource',
		`${NODE}/actions/shared/output.ts`,
		"import '../order/fields';",
	],
	['actions/shared/ into define.ts', `${NODE}/actions/shared/output.ts`, "import '../define';"],
	['a trigger node into actions/', `${NODE}/PandaPonTrigger.node.ts`, "import './actions/router';"],
	[
		'a trigger node through a file at the folder root',
		`${NODE}/PandaPonOrderTrigger.node.ts`,
		"import './PandaPon.node';",
	],
	[
		'a layer up (transport into shared)',
		`${NODE}/transport/request.ts`,
		"import '../shared/parameters';",
	],
	['n8n into the model', `${NODE}/model/json.ts`, "import 'n8n-workflow';"],
	[
		'the credential past the model',
		'credentials/PandaPonApi.credentials.ts',
		"import '../nodes/PandaPon/transport/request';",
	],
	[
		'the local server past the model',
		'packages/local-server/src/store.ts',
		"import '../../../nodes/PandaPon/shared/parameters';",
	],
	[
		'shipped code into the tests',
		`${NODE}/model/json.ts`,
		"import '../../../test/support/helpers';",
	],
	[
		'a cycle (values.ts imports json.ts; json.ts planted to import values.ts)',
		`${NODE}/model/json.ts`,
		"export { text as again } from './values';",
	],
];
/** The same files as they are: they must pass, so the failures are the planted lines. */
const AS_THEY_ARE = [...new Set(PLANTED.map(([, file]) => file))];

describe('npm run lint fails on a planted import', () => {
	let planted: string[][];
	let clean: string[][];
	beforeAll(() => {
		const results = structureErrors([
			...PLANTED.map(([, file, line]) => ({ file, text: `${own(file)}\n${line}\n` })),
			...AS_THEY_ARE.map((file) => ({ file, text: own(file) })),
		]);
		planted = results.slice(0, PLANTED.length);
		clean = results.slice(PLANTED.length);
	}, 120_000);

	it.each(PLANTED.map(([what], i) => [what, i] as const))('%s', (what, i) => {
		expect(planted[i]).not.toEqual([]);
		if (what.startsWith('a cycle'))
			expect(planted[i].some((e) => e.startsWith('import-x/no-cycle'))).toBe(true);
	});

	it('the files as they are pass (so the failures above are the planted lines)', () => {
		expect(Object.fromEntries(AS_THEY_ARE.map((file, i) => [file, clean[i]]))).toEqual(
			Object.fromEntries(AS_THEY_ARE.map((file) => [file, []])),
		);
	});
});
