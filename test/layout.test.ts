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
 * one dependency-free bundle. Nothing shipped imports tests or tools. The README's drawing (tools/structure.ts)
 * is made from the same imports.
 */
import fs from 'fs';
import path from 'path';

import {
	LAYERS,
	NODE,
	ROOT,
	edges,
	filesUnder,
	importsOf,
	partOf,
	readmeWithDrawing,
	upward,
} from '../tools/structure';

const shipped = [...filesUnder('nodes'), ...filesUnder('credentials')];

describe('imports run down the layers only', () => {
	it('the node folder has exactly these layers (and the three node files)', () => {
		const parts = new Set(filesUnder(NODE).map((f) => partOf(f) ?? f));
		expect([...parts].sort()).toEqual([...LAYERS].sort());
	});

	it('no arrow runs back up between model, transport, shared, trigger, actions and the nodes', () => {
		expect(upward(edges())).toEqual([]);
	});

	it('the check sees an arrow that runs up', () => {
		const file = `${NODE}/transport/request.ts`;
		expect(importsOf(file).every((t) => partOf(t) !== 'shared')).toBe(true);
		expect(upward([{ from: 'transport', to: 'shared', imports: 1 }])).toHaveLength(1);
	});

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
				.filter((t) => partOf(t) === 'actions')
				.map((t) => `${name} -> ${t}`),
		);
		expect(wrong).toEqual([]);
	});

	it('the credential and the local server use the model only', () => {
		const wrong = edges().filter(
			(e) => ['credential', 'local server'].includes(e.from) && e.to !== 'model',
		);
		expect(wrong).toEqual([]);
	});

	it('nothing shipped imports tests, tools or the local server', () => {
		const wrong = edges().filter(
			(e) =>
				[...LAYERS, 'credential'].includes(e.from) &&
				['tests', 'tools', 'local server'].includes(e.to),
		);
		expect(wrong).toEqual([]);
	});

	it('tools do not import tests', () => {
		expect(edges().filter((e) => e.from === 'tools' && e.to === 'tests')).toEqual([]);
	});

	it('every relative import of shipped code resolves (the checks above read real paths)', () => {
		const missing = shipped.flatMap((file) =>
			importsOf(file)
				.filter((t) => t.startsWith('nodes/') || t.startsWith('credentials/') || t.startsWith('.'))
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

	it('the README’s structure drawing is the one the imports make (npm run structure)', () => {
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		expect(readme).toBe(readmeWithDrawing(readme));
	});
});
