/**
 * The longest functions of the shipped code (nodes/, credentials/), by lines from the first to the last line of
 * their body: `npm run sizes [count]`. Functions nested in another are counted on their own and inside their
 * parent; an arrow function is named by the variable or property it is assigned to.
 */
import fs from 'fs';
import path from 'path';

import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

function filesUnder(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

function nameOf(node: ts.Node): string {
	const named = node as { name?: ts.Node };
	if (named.name && ts.isIdentifier(named.name)) return named.name.text;
	const parent = node.parent;
	if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
		if (ts.isIdentifier(parent.name)) return parent.name.text;
	}
	if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name)) return node.name.text;
	return '(anonymous)';
}

export interface FunctionSize {
	file: string;
	name: string;
	lines: number;
}

export function functionSizes(): FunctionSize[] {
	const sizes: FunctionSize[] = [];
	for (const file of [
		...filesUnder(path.join(ROOT, 'nodes')),
		...filesUnder(path.join(ROOT, 'credentials')),
	]) {
		const source = ts.createSourceFile(
			file,
			fs.readFileSync(file, 'utf8'),
			ts.ScriptTarget.Latest,
			true,
		);
		const visit = (node: ts.Node) => {
			if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
				const body = (node as ts.FunctionLikeDeclaration).body!;
				const lines =
					source.getLineAndCharacterOfPosition(body.getEnd()).line -
					source.getLineAndCharacterOfPosition(node.getStart(source)).line +
					1;
				sizes.push({ file: path.relative(ROOT, file), name: nameOf(node), lines });
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return sizes.sort((a, b) => b.lines - a.lines);
}

if (require.main === module) {
	const count = Number(process.argv[2] ?? 10);
	const sizes = functionSizes();
	for (const { file, name, lines } of sizes.slice(0, count))
		console.log(`${String(lines).padStart(4)}  ${name}  ${file}`);
	console.log(`${sizes.filter((s) => s.lines >= 40).length} functions of 40 lines or more`);
}
