/** The README's operations table is the code's: regenerate it with `npm run docs` when this fails. */
import fs from 'fs';
import path from 'path';

import { README, readmeWithOperations, renderOperations } from '../../tools/operationsTable';

describe('README operations table', () => {
	it('matches the endpoints, certainty and evidence in the code', () => {
		const readme = fs.readFileSync(README, 'utf8');
		expect(readme).toBe(readmeWithOperations(readme));
	});

	it('names a public page for every documented endpoint an operation uses, and flags every guessed write', () => {
		const table = renderOperations();
		for (const row of table.split('\n').filter((l) => /^\| .* \| `(GET|POST) /.test(l))) {
			const cells = row.split(' | ');
			if (cells[2] === 'documented') expect(cells[4]).toMatch(/^\[doc[-.a-z0-9]*\.pandapon\.com\//);
			if (cells[2].startsWith('**inferred**') && cells[3].startsWith('**write**'))
				expect(cells[3]).toContain('Use Unverified Endpoint');
		}
	});
});

describe('README test references', () => {
	it('every test file or folder the README cites in `test/…` exists (a moved test is cited where it is now)', () => {
		const readme = fs.readFileSync(README, 'utf8');
		const cited = [...readme.matchAll(/`(test\/[^`\s*<]+)`/g)].map((m) => m[1]);
		expect(cited.length).toBeGreaterThan(10);
		const root = path.dirname(README);
		expect(cited.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
	});
});
