/** Headless Chromium from Debian's packages (with CJK fonts so Chinese renders), installed with apt-get if missing. */
import { existsSync } from 'node:fs';

import { chromium, selectors, type Browser } from 'playwright-core';

import { aptInstall, which } from './services';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export function ensureChromium(): string {
	const missing = [
		...(which('chromium') ? [] : ['chromium']),
		...(existsSync(CJK_FONT) ? [] : ['fonts-noto-cjk']),
	];
	if (missing.length) aptInstall(missing);
	const binary = which('chromium');
	if (!binary) throw new Error('chromium not found after installing it');
	return binary;
}

export async function launchBrowser(): Promise<Browser> {
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	return await chromium.launch({
		executablePath: ensureChromium(),
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
}
