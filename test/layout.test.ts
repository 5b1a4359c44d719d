/**
 * The layers of the package, bottom to top, and the only directions imports may run:
 *
 *   model/      the PandaPon API (endpoints, lossless JSON, signatures, wire and request shapes): no n8n at all
 *   transport/  the one HTTP path through n8n's helpers: imports the model only
 *   shared/     what the action node and the triggers both use (parameters, simplify)
 *   trigger/    push and poll logic of the trigger nodes
 *   actions/    the action node's resources and operations (may use the push logic, for Push → Verify Push)
 *   *.node.ts   the three nodes; the trigger nodes never import actions/
 *
 * The credential uses the model only; the local server (packages/local-server) uses the model only, so it stays
 * one dependency-free bundle. Nothing shipped imports tests or tools. This test fails when an import points the
 * wrong way.
 */
import fs from 'fs';
import path from 'path';

const ROOT = path.join(__dirname, '..');
const NODE = 'nodes/PandaPon';

function filesUnder(dir: string): string[] {
	const full = path.join(ROOT, dir);
	if (!fs.existsSync(full)) return [];
	return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
		const rel = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return filesUnder(rel);
		return /\.ts$/.test(entry.name) ? [rel] : [];
	});
}

/** Every import of a file: package names as written, relative ones resolved to a path from the root. */
function importsOf(file: string): string[] {
	const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
	const specs = [...text.matchAll(/(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
		(m) => m[1],
	);
	return specs.map((spec) =>
		spec.startsWith('.')
			? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))
			: spec,
	);
}

/** The layer a path belongs to, or undefined outside the node folder. */
function layerOf(target: string): string | undefined {
	if (!target.startsWith(`${NODE}/`)) return undefined;
	const rest = target.slice(NODE.length + 1);
	const top = rest.split('/')[0];
	return rest.includes('/') ? top : 'node';
}

const ALLOWED: Record<string, string[]> = {
	model: ['model'],
	transport: ['model', 'transport'],
	shared: ['model', 'transport', 'shared'],
	trigger: ['model', 'transport', 'shared', 'trigger'],
	actions: ['model', 'transport', 'shared', 'trigger', 'actions'],
};

const shipped = [...filesUnder('nodes'), ...filesUnder('credentials')];

describe('imports run down the layers only', () => {
	it('the node folder has exactly these layers (and the three node files)', () => {
		const layers = new Set(filesUnder(NODE).map((f) => layerOf(f)));
		expect([...layers].sort()).toEqual([
			'actions',
			'model',
			'node',
			'shared',
			'transport',
			'trigger',
		]);
	});

	for (const [layer, allowed] of Object.entries(ALLOWED)) {
		it(`${layer}/ imports only ${allowed.join(', ')}`, () => {
			const wrong = filesUnder(`${NODE}/${layer}`).flatMap((file) =>
				importsOf(file)
					.filter(
						(target) => target.startsWith(`${NODE}/`) && !allowed.includes(layerOf(target) ?? ''),
					)
					.map((target) => `${file} -> ${target}`),
			);
			expect(wrong).toEqual([]);
		});
	}

	it('the model has no n8n in it (the local server bundles it without n8n)', () => {
		const n8n = filesUnder(`${NODE}/model`).flatMap((file) =>
			importsOf(file)
				.filter((t) => /^n8n-/.test(t))
				.map((t) => `${file} -> ${t}`),
		);
		expect(n8n).toEqual([]);
	});

	it('the trigger nodes never import the action node’s actions/', () => {
		const wrong = ['PandaPonTrigger', 'PandaPonOrderTrigger'].flatMap((name) =>
			importsOf(`${NODE}/${name}.node.ts`)
				.filter((t) => t.startsWith(`${NODE}/actions`))
				.map((t) => `${name} -> ${t}`),
		);
		expect(wrong).toEqual([]);
	});

	it('the credential and the local server use the model only', () => {
		const users = [...filesUnder('credentials'), ...filesUnder('packages/local-server/src')];
		const wrong = users.flatMap((file) =>
			importsOf(file)
				.filter((t) => t.startsWith(`${NODE}/`) && layerOf(t) !== 'model')
				.map((t) => `${file} -> ${t}`),
		);
		expect(wrong).toEqual([]);
	});

	it('nothing shipped imports tests, tools or the local server', () => {
		const wrong = shipped.flatMap((file) =>
			importsOf(file)
				.filter((t) => /^(test|tools|packages)\//.test(t))
				.map((t) => `${file} -> ${t}`),
		);
		expect(wrong).toEqual([]);
	});

	it('every relative import resolves (the check above reads real paths)', () => {
		const missing = shipped.flatMap((file) =>
			importsOf(file)
				.filter((t) => !/^[a-z@]/.test(t) || t.startsWith('nodes/') || t.startsWith('credentials/'))
				.filter(
					(t) =>
						!['', '.ts', '.json'].some(
							(ext) =>
								fs.existsSync(path.join(ROOT, t + ext)) &&
								fs.statSync(path.join(ROOT, t + ext)).isFile(),
						),
				)
				.map((t) => `${file} -> ${t}`),
		);
		expect(missing).toEqual([]);
	});
});
