/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The editor as a new user sees it, in headless Chromium against a real n8n 2.x with the packed package installed:
 * the nodes panel and its action labels, every resource and operation of the PandaPon node (one screenshot each),
 * the trigger panels, the credential form, the canvas subtitles and a Get Many step's output table. It asserts what
 * a user would check: no write operation comes pre-filled with sample data, labels are spelled right, money says its
 * unit, notices speak to users once, every required field is marked, every node name fits the canvas with its
 * marketplace in view, the nodes panel finds the package by "1688" and "Taobao", no page error, no missing output
 * schema.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { Browser, Page } from 'playwright-core';

import type { PandaPon as PandaPonNode } from '../../nodes/PandaPon/PandaPon.node';
import { resources } from '../../nodes/PandaPon/actions/router';
import { ENDPOINTS, type EndpointName } from '../../nodes/PandaPon/model/endpoints';
import { startServer, type PandaPonServer } from '../../packages/local-server/src/app';
import { selectVersions } from '../../tools/n8n/install';
import { N8n } from '../../tools/n8n/driver';
import { credentialFor } from '../../tools/n8n/workflows';
import { isShown } from '../support/helpers';
import { launchBrowser } from '../../tools/n8n/browser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PandaPon } = require('../../nodes/PandaPon/PandaPon.node.ts') as {
	PandaPon: typeof PandaPonNode;
};

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'ui');
const README_SHOTS = path.join(ROOT, 'docs', 'images');
const OWNER = {
	email: 'ui@pandapon.local',
	password: 'PandaPon-ui-1',
	firstName: 'Ui',
	lastName: 'Tester',
};

const properties = new PandaPon().description.properties as INodeProperties[];
const resourceOptions = (properties.find((p) => p.name === 'resource')?.options ??
	[]) as INodePropertyOptions[];
/** Every operation as the dropdowns show it, with whether its endpoint writes. */
const operations = properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) => {
		const resource = String(p.displayOptions?.show?.resource?.[0]);
		const resourceName = resourceOptions.find((o) => o.value === resource)?.name ?? resource;
		return ((p.options ?? []) as INodePropertyOptions[]).map((o) => {
			const key = (
				resources[resource]?.[String(o.value)] as { endpoint?: EndpointName | null } | undefined
			)?.endpoint;
			const access = key ? ENDPOINTS[key].access : 'write'; // the custom call may write
			return {
				resource,
				resourceName,
				operation: String(o.value),
				operationName: o.name,
				action: String(o.action),
				write: access === 'write',
			};
		});
	});

/**
 * The parameter paths of an operation's required text fields as n8n renders them empty (rows of lines and addresses
 * included once added): n8n marks each with its warning triangle until it is filled in. Numbers, options and JSON
 * boxes are left out: n8n does not mark those when empty.
 */
function requiredTextPaths(resource: string, operation: string, rowsAdded: boolean): string[] {
	const form = { resource, operation };
	const marked = (p: INodeProperties) =>
		p.required === true && (p.type === 'string' || p.type === 'dateTime') && p.default === '';
	const paths: string[] = [];
	for (const p of properties) {
		if (!p.required || !isShown(properties, p, form)) continue;
		if (p.type === 'fixedCollection') {
			if (!rowsAdded) continue;
			for (const option of p.options as Array<{ name: string; values: INodeProperties[] }>) {
				const row = `parameters.${p.name}.${option.name}${p.typeOptions?.multipleValues ? '[0]' : ''}`;
				paths.push(...option.values.filter(marked).map((v) => `${row}.${v.name}`));
			}
		} else if (marked(p)) {
			paths.push(`parameters.${p.name}`);
		}
	}
	return paths;
}

/** What a user reads in the parameters panel. */
interface Panel {
	labels: string[];
	notices: string[];
	/** Text boxes and code editors that hold a value: [label, value]. */
	filled: Array<[string, string]>;
	placeholders: string[];
}

async function readPanel(page: Page): Promise<Panel> {
	return await page.getByTestId('node-parameters').evaluate((root) => {
		const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
		const labelOf = (el: Element) =>
			el
				.closest(
					'[data-test-id="parameter-item"], .parameter-item, .multi-parameter, .fixed-collection-parameter',
				)
				?.querySelector('[data-test-id="input-label"], .n8n-input-label, label')
				?.textContent?.replace(/\s*Fixed\s*Expression.*$/s, '')
				.trim() ?? '?';
		const labels = [...root.querySelectorAll('[data-test-id="input-label"]')]
			.filter(visible)
			.map((l) => (l.textContent ?? '').replace(/\s*Fixed\s*Expression.*$/s, '').trim());
		const notices = [...root.querySelectorAll('.notice, [class*="notice"]')]
			.filter((n) => visible(n) && !n.parentElement?.closest('.notice, [class*="notice"]'))
			.map((n) => (n.textContent ?? '').trim())
			.filter(Boolean);
		const filled: Array<[string, string]> = [];
		const placeholders: string[] = [];
		for (const input of root.querySelectorAll('input, textarea')) {
			const el = input as HTMLInputElement;
			if (
				!visible(el) ||
				el.type === 'checkbox' ||
				el.type === 'radio' ||
				el.closest('.el-select, .n8n-select, [role="combobox"]')
			)
				continue;
			if (el.readOnly && el.type !== 'number') continue;
			if (el.placeholder) placeholders.push(el.placeholder);
			if (el.value.trim() && el.type !== 'number') filled.push([labelOf(el), el.value.trim()]);
		}
		for (const editor of root.querySelectorAll('.cm-content')) {
			if (!visible(editor)) continue;
			const text = (editor.textContent ?? '').trim();
			if (text) filled.push([labelOf(editor), text]);
			const placeholder = editor.querySelector('.cm-placeholder')?.textContent;
			if (placeholder) placeholders.push(placeholder);
		}
		return { labels, notices, filled, placeholders };
	});
}

async function choose(page: Page, parameter: string, option: string): Promise<void> {
	const input = page.getByTestId(`parameter-input-${parameter}`);
	if (
		(await input
			.locator('input')
			.inputValue()
			.catch(() => '')) === option
	)
		return;
	await input.click();
	const exact = new RegExp(`^\\s*${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
	await page
		.locator('.el-select-dropdown__item:visible .option-headline')
		.filter({ hasText: exact })
		.first()
		.click();
	await page.waitForTimeout(250);
}

/** Types in the nodes panel's search box once it is there. */
async function search(page: Page, text: string): Promise<void> {
	const box = page
		.locator(
			'[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]',
		)
		.first();
	await box.waitFor();
	await box.fill(text);
	await page.getByTestId('item-iterator-item').first().waitFor();
}

const shot = async (page: Page, name: string, readme = false) => {
	await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
	if (readme && process.env.UPDATE_README_SHOTS === '1')
		await page.screenshot({ path: path.join(README_SHOTS, `${name}.png`) });
};

/**
 * The PandaPon node's name as the canvas shows it (n8n clamps it to two lines): the whole name, and the part in
 * view when it is cut.
 */
async function canvasName(page: Page): Promise<{ name: string; visible: string; cut: boolean }> {
	return await page.evaluate(() => {
		const node = document.querySelector('[data-test-id="canvas-node"][data-node-type$="pandaPon"]');
		const name = node?.getAttribute('data-node-name') ?? '';
		const label = [...(node?.querySelectorAll('*') ?? [])]
			.filter((e) => (e.textContent ?? '').trim() === name)
			.pop() as HTMLElement | undefined;
		if (!label) return { name, visible: '', cut: true };
		const cut =
			label.scrollHeight > label.clientHeight + 1 || label.scrollWidth > label.clientWidth + 1;
		if (!cut) return { name, visible: name, cut };
		// The characters laid out inside the label's box are the ones in view.
		const box = label.getBoundingClientRect();
		const text = label.firstChild as Text;
		let visible = '';
		for (let i = 0; i < (text.textContent ?? '').length; i++) {
			const range = document.createRange();
			range.setStart(text, i);
			range.setEnd(text, i + 1);
			const rect = range.getBoundingClientRect();
			if (rect.bottom <= box.bottom + 1) visible += text.textContent![i];
		}
		return { name, visible, cut };
	});
}

/** Words a user should never see in a label or an action: lower-case proper nouns, a lost apostrophe. */
const MISSPELT = /\btaobao\b|\bpandapon\b| s |\bapi\b/;
/** A money label says its unit. */
const MONEY = /\b(amount|price|budget|fee|total|cap|cost)\b|shipping refund/i;
const UNIT = /\b(fen|cny|yuan)\b/i;
/** Defaults that are not sample data: a binary property name, an empty JSON object, zero (0.00 in a CNY field) and one. */
const NOT_SAMPLE = new Set(['data', '{}', '0', '0.00', '1', 'CNY']);

const [version] = selectVersions('v2');
/** Development only: drive an n8n that is already running (with this owner and the local server's credential). */
const REUSE = process.env.PANDAPON_UI_URL;

describe(`n8n ${version.n8n} editor in headless Chromium`, () => {
	let server: PandaPonServer | undefined;
	let n8n: N8n | undefined;
	let baseUrl = '';
	let browser: Browser;
	let page: Page;
	const pageErrors: string[] = [];
	const missing: string[] = [];

	beforeAll(async () => {
		rmSync(SHOTS, { recursive: true, force: true });
		mkdirSync(SHOTS, { recursive: true });
		mkdirSync(README_SHOTS, { recursive: true });
		if (REUSE) {
			baseUrl = REUSE;
		} else {
			server = await startServer({ seedOrders: 40 });
			n8n = new N8n(version);
			n8n.installPackage(process.env.PANDAPON_E2E_TARBALL);
			n8n.importCredentials([credentialFor(server.url, server.keys)]);
			await n8n.start();
			baseUrl = n8n.baseUrl;
			const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(OWNER),
			});
			if (!setup.ok) throw new Error(`owner set-up answered ${setup.status}`);
		}
		browser = await launchBrowser();
		page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
		page.on('pageerror', (error) => pageErrors.push(error.message));
		page.on('response', (response) => {
			const url = response.url();
			if (response.status() >= 400 && /pandapon|pandaPon|\/schemas\//.test(url))
				missing.push(`${response.status()} ${url}`);
		});
		const login = await page.request.post(`${baseUrl}/rest/login`, {
			data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
		});
		if (!login.ok()) throw new Error(`login answered ${login.status()}`);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await server?.close();
	});

	afterEach(() => {
		expect(pageErrors).toEqual([]);
	});

	/** Opens a new workflow with a manual trigger and the nodes panel on the PandaPon node's actions. */
	async function openActions(): Promise<string[]> {
		await page.goto(`${baseUrl}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click();
		await search(page, 'Manual');
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: 'Manual Trigger' })
			.first()
			.click();
		await page.getByTestId('node-parameters').or(page.getByTestId('canvas-node')).first().waitFor();
		await page.keyboard.press('Escape');
		await page.getByTestId('canvas-handle-plus').first().click();
		await search(page, 'PandaPon');
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: 'pushes an order message' })
			.first()
			.click();
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: 'Get many 1688 orders' })
			.first()
			.waitFor();
		await shot(page, 'nodes-panel-actions', true);
		// The list renders what is in view: scroll through it, collecting.
		const seen = new Set<string>();
		const panel = page.getByTestId('node-creator');
		await panel.hover();
		for (let round = 0, unchanged = 0; round < 80 && unchanged < 4; round++) {
			const before = seen.size;
			for (const text of await page.getByTestId('item-iterator-item').allInnerTexts())
				seen.add(text.trim());
			unchanged = seen.size === before ? unchanged + 1 : 0;
			await page.mouse.wheel(0, 400);
			await page.waitForTimeout(120);
		}
		return [...seen].filter((t) => !/ACTIONS$|TRIGGERS$/.test(t) && !t.includes('\n'));
	}

	it('lists every action spelled right, and names a new node after the action', async () => {
		const actions = await openActions();
		for (const op of operations) expect(actions).toContain(op.action);
		for (const action of actions) expect(action).not.toMatch(MISSPELT);
		await page.mouse.wheel(0, -100000);
		await page.waitForTimeout(300);
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: 'Get many 1688 orders' })
			.first()
			.click();
		await page.getByTestId('node-parameters').waitFor();
		const title = await page.getByTestId('node-title-container').innerText();
		expect(title.trim()).toBe(
			operations.find((o) => o.resource === 'order' && o.operation === 'getAll')?.action,
		);
	});

	it('finds the package when a user searches the nodes panel for "1688" or "Taobao"', async () => {
		for (const term of ['1688', 'Taobao']) {
			await page.goto(`${baseUrl}/workflow/new`);
			await page.getByTestId('canvas-plus-button').click();
			await search(page, term);
			// The results replace the list a moment after typing: wait for them (a timeout here means nothing was found).
			await page
				.getByTestId('item-iterator-item')
				.filter({ hasText: /^PandaPon/ })
				.first()
				.waitFor({ timeout: 10_000 })
				.catch(() => undefined);
			const found = (await page.getByTestId('item-iterator-item').allInnerTexts()).map((t) =>
				t.split('\n')[0].trim(),
			);
			await shot(page, `nodes-panel-search-${term.toLowerCase()}`);
			expect(found).toContain('PandaPon');
		}
		// Back on a workflow with the PandaPon node for the walk.
		await openActions();
		await page.mouse.wheel(0, -100000);
		await page.waitForTimeout(300);
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: 'Get many 1688 orders' })
			.first()
			.click();
		await page.getByTestId('node-parameters').waitFor();
	});

	it('walks every resource and operation: no sample data in writes, labels spelled right, units on money, one plain notice', async () => {
		const problems: string[] = [];
		let canvasCuts = 0;
		const resourceMenu = await (async () => {
			await page.getByTestId('parameter-input-resource').click();
			const titles = page.locator('.el-select-dropdown__item:visible .option-headline');
			await titles.first().waitFor();
			const names = (await titles.allInnerTexts()).map((t) => t.trim());
			await page.keyboard.press('Escape');
			return names;
		})();
		// The package's own call and n8n's generic one must be told apart.
		expect(resourceMenu).toEqual(expect.arrayContaining(resourceOptions.map((o) => o.name)));
		expect(resourceMenu.filter((n) => /custom api call/i.test(n)).length).toBeLessThanOrEqual(1);
		for (const op of operations) {
			await choose(page, 'resource', op.resourceName);
			await choose(page, 'operation', op.operationName);
			await page.waitForTimeout(150);
			let panel = await readPanel(page);
			const where = `${op.resourceName} → ${op.operationName}`;
			if (op.write) {
				// Rows of lines and addresses start empty too: add one of each and read again.
				const adders = page
					.getByTestId('node-parameters')
					.getByRole('button', { name: /^Add (Line|Address)$/ });
				const count = await adders.count();
				for (let i = 0; i < count; i++) await adders.first().click();
				if (count) {
					await page.waitForTimeout(200);
					panel = await readPanel(page);
				}
			}
			await shot(page, `op-${op.resource}-${op.operation}`);
			// Back on the canvas, as a user closing the panel: n8n checks the node's parameters then.
			await page.getByTestId('ndv-close-button').click();
			await page.getByTestId('node-parameters').waitFor({ state: 'hidden' });
			// The node, renamed after the action, fits the canvas with its marketplace in view.
			const onCanvas = await canvasName(page);
			if (onCanvas.name !== op.action)
				problems.push(
					`${where}: the new node is named "${onCanvas.name}", not after its action "${op.action}"`,
				);
			if (onCanvas.cut) {
				const marketplace = /1688|Taobao|PandaPon/.exec(op.action)?.[0];
				if (!marketplace || !onCanvas.visible.includes(marketplace))
					problems.push(`${where}: the canvas cuts "${op.action}" to "${onCanvas.visible}…"`);
			}
			canvasCuts += onCanvas.cut ? 1 : 0;
			await page.locator('[data-test-id="canvas-node"][data-node-type$="pandaPon"]').dblclick();
			await page.getByTestId('node-parameters').waitFor();
			await page.waitForTimeout(150);
			// Every required text field is marked (n8n's warning triangle) while it is empty.
			const unmarked = await page.getByTestId('node-parameters').evaluate(
				(root, paths) =>
					paths.filter((path) => {
						const input = root.querySelector(`[data-parameter-path="${path}"]`);
						return (
							input &&
							!input.closest('.parameter-value-container')?.classList.contains('has-issues')
						);
					}),
				requiredTextPaths(op.resource, op.operation, op.write),
			);
			for (const path of unmarked) problems.push(`${where}: required field ${path} is not marked`);
			for (const label of panel.labels) {
				if (MISSPELT.test(label)) problems.push(`${where}: label "${label}" is misspelt`);
				if (MONEY.test(label) && !UNIT.test(label) && !/\bID\b|Status|Type|Range/.test(label))
					problems.push(`${where}: money label "${label}" has no unit`);
			}
			if (op.write) {
				for (const [label, value] of panel.filled)
					if (!NOT_SAMPLE.has(value))
						problems.push(`${where}: "${label}" is pre-filled with "${value}"`);
			}
			for (const placeholder of panel.placeholders) {
				if (!/^e\.g\.|^Add |^…$|^$/.test(placeholder))
					problems.push(`${where}: placeholder "${placeholder}" does not read as an example`);
			}
			const unpublished = panel.notices.filter((n) =>
				/does not publish|not publicly documented/.test(n),
			);
			if (unpublished.length > 1)
				problems.push(`${where}: ${unpublished.length} notices about an unpublished endpoint`);
			for (const notice of panel.notices) {
				if (/maintainer|\/v\d\/|\/open\/|\/alibaba\//.test(notice))
					problems.push(`${where}: notice speaks to maintainers: "${notice}"`);
			}
			if (
				/^(create|createBatch|pay|createOrder)$/.test(op.operation) &&
				!op.resource.toLowerCase().includes('refund')
			) {
				if (!panel.notices.some((n) => /real money/.test(n)))
					problems.push(`${where}: no real-money warning`);
			}
			if (
				op.resource === 'taobaoRefund' &&
				op.operation === 'create' &&
				!panel.notices.some((n) => /real/.test(n))
			)
				problems.push(`${where}: no real-request warning`);
			if (panel.labels.includes('API Path') && op.resource !== 'custom')
				problems.push(`${where}: shows the developer field "API Path"`);
			if (panel.labels.includes('Requests in Parallel'))
				problems.push(`${where}: "Requests in Parallel" outside Options`);
		}
		await choose(page, 'resource', operations.find((o) => o.resource === 'order')!.resourceName);
		await choose(page, 'operation', 'Pay');
		await shot(page, 'order-pay', true);
		await choose(
			page,
			'resource',
			operations.find((o) => o.resource === 'taobaoOrder')!.resourceName,
		);
		await choose(page, 'operation', 'Create');
		const adders = page
			.getByTestId('node-parameters')
			.getByRole('button', { name: /^Add (Line|Address)$/ });
		for (const name of ['Add Line', 'Add Address']) {
			const adder = adders.filter({ hasText: name });
			// The walk may have added the rows already; a second line is not needed.
			if (
				(await adder.count()) &&
				!(await page
					.getByTestId('node-parameters')
					.getByText(name === 'Add Line' ? 'Item ID' : 'Recipient Name')
					.count())
			) {
				await adder.first().click();
			}
		}
		await page
			.getByTestId('node-parameters')
			.getByText('This places a real Taobao order')
			.first()
			.scrollIntoViewIfNeeded();
		await shot(page, 'taobao-order-create', true);
		expect(problems).toEqual([]);
		console.log(
			`[ui] ${operations.length} operations walked; names cut on the canvas: ${canvasCuts}`,
		);
	});

	it('a Get Many step shows amounts with their unit in the first columns of the table, and the Docs link keeps its anchor', async () => {
		await choose(page, 'resource', operations.find((o) => o.resource === 'order')!.resourceName);
		await choose(page, 'operation', 'Get Many');
		await page.getByTestId('parameter-input-limit').locator('input').fill('3');
		await page.getByTestId('node-execute-button').first().click();
		const output = page.getByTestId('output-panel');
		await output.getByTestId('radio-button-table').click();
		await output.locator('table th').first().waitFor();
		const headers = (await output.locator('table th').allInnerTexts())
			.map((t) => t.trim())
			.filter(Boolean);
		await shot(page, 'order-get-many-table', true);
		const firstFive = headers.slice(0, 5);
		expect(firstFive.some((h) => /yuan|cny/i.test(h))).toBe(true);
		expect(firstFive.some((h) => /label|status/i.test(h))).toBe(true);
		const docs = await page.locator('a:has-text("Docs")').first().getAttribute('href');
		expect(docs ?? '').toMatch(/#operations$/); // n8n's tracking query after the fragment would lose the anchor
	});

	it('shows readable subtitles on the canvas', async () => {
		await page.keyboard.press('Escape');
		const subtitle = await page
			.getByTestId('canvas-node')
			.filter({ hasText: 'Get many 1688 orders' })
			.first()
			.innerText();
		expect(subtitle).not.toMatch(/getAll|: order\b/);
		expect(subtitle).toMatch(/1688 Order/);
		await shot(page, 'canvas-subtitles');
	});

	it('opens both triggers: a setup notice that matches the panel, readable event names', async () => {
		await page.goto(`${baseUrl}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click();
		await search(page, 'PandaPon');
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: 'pushes an order message' })
			.first()
			.click();
		await page.getByTestId('item-iterator-item').filter({ hasText: /^On / }).first().click();
		await page.getByTestId('node-parameters').waitFor();
		await page.waitForTimeout(500);
		const panel = await readPanel(page);
		await shot(page, 'trigger-panel', true);
		const setup = panel.notices.join('\n');
		expect(setup).toMatch(/Verify/);
		expect(setup).not.toMatch(/URL above/);
		for (const label of panel.labels) expect(label).not.toMatch(MISSPELT);
		await page.keyboard.press('Escape');
		const canvas = await page.getByTestId('canvas-node').first().innerText();
		expect(canvas).not.toMatch(/ORDER_|_CHANGE|\b[A-Z]{3,}_[A-Z]+/);

		await page.goto(`${baseUrl}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click();
		await search(page, 'PandaPon');
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: 'Order Changes (Polling)' })
			.first()
			.click();
		await page
			.getByTestId('item-iterator-item')
			.filter({ hasText: /^On new order/ })
			.first()
			.click();
		await page.getByTestId('node-parameters').waitFor();
		await page.waitForTimeout(500);
		const polling = await readPanel(page);
		await shot(page, 'order-changes-trigger', true);
		for (const label of polling.labels) expect(label).not.toMatch(MISSPELT);
		for (const placeholder of polling.placeholders) expect(placeholder).toMatch(/^e\.g\.|^$/);
	});

	it('opens the credential form: the basics first, signature settings tucked away, the no-sandbox warning in view', async () => {
		// A saved credential: n8n's own test of it passes against the local server.
		await page.goto(`${baseUrl}/home/credentials`);
		await page.getByText('PandaPon account').first().click();
		const saved = page.locator('.el-dialog:visible, [role="dialog"]:visible').first();
		await saved.getByText('Connection tested successfully').waitFor();
		// A new one, as a new user fills it in.
		await page.goto(`${baseUrl}/home/credentials/create`);
		await page.getByTestId('new-credential-type-select').click();
		await page.keyboard.type('PandaPon');
		await page
			.getByTestId('new-credential-type-select-option')
			.filter({ hasText: 'PandaPon' })
			.first()
			.click();
		await page.getByTestId('new-credential-type-button').click();
		const modal = page
			.locator('.el-dialog:visible, [role="dialog"]:visible')
			.filter({ hasText: 'Access Key' })
			.first();
		await modal.waitFor();
		await page.waitForTimeout(500);
		const text = await modal.innerText();
		await shot(page, 'credential-form', true);
		expect(text).toMatch(/no sandbox/i);
		expect(text).not.toMatch(/Timestamp Unit|Sign With Nonce/);
		for (const label of await modal.locator('[data-test-id="input-label"], label').allInnerTexts())
			expect(label).not.toMatch(MISSPELT);
		const placeholders = await modal
			.locator('input')
			.evaluateAll((inputs) =>
				inputs.map((i) => (i as HTMLInputElement).placeholder).filter(Boolean),
			);
		// Ours read as examples; none looks like a real key or ID.
		expect(placeholders.filter((p) => p.startsWith('e.g.')).length).toBeGreaterThanOrEqual(2);
		expect(
			placeholders.filter((p) => !p.startsWith('e.g.') && /\d{6,}|[0-9a-f]{16,}/.test(p)),
		).toEqual([]);
		await modal
			.getByText('Adjust Signature Settings')
			.locator('xpath=ancestor::*[.//*[contains(@class,"switch")]][1]')
			.locator('[class*="switch"]')
			.first()
			.click();
		await modal.getByText('Timestamp Unit').waitFor();
	});

	it('asked n8n for no file it could not find (icons, output schemas), and n8n serves the output schemas', async () => {
		expect(missing).toEqual([]);
		const schema = await page.request.get(
			`${baseUrl}/schemas/n8n-nodes-pandapon.pandaPon/1.0.0/order/getAll.json`,
		);
		expect(schema.status()).toBe(200);
		// What a person reads first: the order, where it is, its total in yuan (a status label only for published codes).
		const fields = Object.keys(((await schema.json()) as { properties: object }).properties);
		expect(fields.slice(0, 3)).toEqual(['tbOrderId', 'stage', 'totalAmountYuan']);
		expect(fields).toContain('orderStatusLabel');
		// Every operation has its schema: n8n asks for it when a later node maps from a step that has not run.
		const absent: string[] = [];
		for (const op of operations) {
			const answer = await page.request.get(
				`${baseUrl}/schemas/n8n-nodes-pandapon.pandaPon/1.0.0/${op.resource}/${op.operation}.json`,
			);
			if (answer.status() !== 200) absent.push(`${answer.status()} ${op.resource}/${op.operation}`);
		}
		expect(absent).toEqual([]);
	});
});
