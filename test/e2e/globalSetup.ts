/** Before the e2e suite: install the chosen n8n versions (first run only) and pack this package once. */
import { ensureN8n, selectVersions } from '../../tools/n8n/install';
import { packPackage } from '../../tools/n8n/driver';

export default function globalSetup(): void {
	for (const version of selectVersions(process.env.PANDAPON_E2E_N8N)) ensureN8n(version);
	const tarball = packPackage();
	process.env.PANDAPON_E2E_TARBALL = tarball;
	console.log(`[e2e] package packed: ${tarball}`);
}
