// n8n's community-node lint, configured exactly as `@n8n/node-cli` does (its eslint config, v0.48), plus one
// override: code that never runs inside n8n (tests, the local PandaPon server, benchmarks, scripts) may use Node
// globals and dev dependencies. Everything under nodes/ and credentials/ gets the full rule set. The structure
// rules (which folder may import which, and no import cycles) are at the end; test/layout.test.ts keeps only what
// they cannot say.
import fs from 'fs';
import path from 'path';

import eslint from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importPlugin from 'eslint-plugin-import-x';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityNodesRecommended = n8nCommunityNodesPlugin.configs.recommended;

const ROOT = import.meta.dirname;
const NODE = 'nodes/PandaPon';
/** The node's layers, bottom to top: a layer imports itself and the layers below it, never one above. */
const LAYERS = ['model', 'transport', 'shared', 'trigger', 'actions'];
/** The action node's resource folders (every folder of actions/ but shared/), read from the disk so a new one is covered. */
const RESOURCES = fs
	.readdirSync(path.join(ROOT, NODE, 'actions'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
	.map((entry) => entry.name);

const layerZones = LAYERS.map((layer, index) => ({
	target: `${NODE}/${layer}`,
	from: NODE,
	except: LAYERS.slice(0, index + 1).map((below) => `./${below}`),
	message: `${layer}/ imports only ${LAYERS.slice(0, index + 1).join(', ')} (the layers run model → transport → shared → trigger → actions → the node files).`,
}));

const resourceZones = RESOURCES.map((resource) => ({
	target: `${NODE}/actions/${resource}`,
	from: `${NODE}/actions`,
	except: [`./${resource}`, './shared', './define.ts'],
	message: `A resource imports its own folder, actions/shared/ and actions/define.ts only: what two resources share belongs in actions/shared/.`,
}));

const structureZones = [
	...layerZones,
	...resourceZones,
	{
		target: `${NODE}/actions/shared`,
		from: `${NODE}/actions`,
		except: ['./shared'],
		message: 'actions/shared/ is below the resources and define.ts: it imports neither.',
	},
	{
		// Also closes the way round: a file at the service-folder root that imports actions/.
		target: `${NODE}/*Trigger.node.ts`,
		from: NODE,
		except: ['./model', './transport', './shared', './trigger'],
		message:
			'The trigger nodes import model, transport, shared and trigger only, never the action node’s actions/.',
	},
	{
		target: 'credentials',
		from: 'nodes',
		except: [`./PandaPon/model`],
		message: 'The credential uses the model only.',
	},
	{
		target: 'packages/local-server',
		from: 'nodes',
		except: [`./PandaPon/model`],
		message: 'The local server uses the model only, so it stays one dependency-free bundle.',
	},
	...['nodes', 'credentials'].map((target) => ({
		target,
		from: ['test', 'tools', 'packages'],
		message: 'Nothing shipped imports tests, tools or the local server.',
	})),
	{
		target: ['tools', 'packages'],
		from: 'test',
		message: 'Tools and the local server do not import tests.',
	},
];

export default tseslint.config(
	globalIgnores(['dist', 'node_modules', '.cache', 'coverage', '**/*.js', '**/*.mjs']),
	{
		files: ['**/*.ts'],
		extends: [
			eslint.configs.recommended,
			tseslint.configs.recommended,
			communityNodesRecommended,
			importPlugin.configs['flat/recommended'],
		],
		rules: {
			'prefer-spread': 'off',
			'no-console': 'error',
		},
	},
	{
		plugins: { 'n8n-nodes-base': n8nNodesPlugin },
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver()],
		},
	},
	{
		files: ['package.json'],
		extends: [communityNodesRecommended],
		rules: {
			...n8nNodesPlugin.configs.community.rules,
		},
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: {
				extraFileExtensions: ['.json'],
			},
		},
	},
	{
		files: ['./credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['./nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		// Runs in plain Node (jest, the local server, benchmarks, the e2e harness), never inside n8n.
		files: ['test/**/*.ts', 'tools/**/*.ts', 'packages/local-server/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'no-console': 'off',
		},
	},
	{
		files: ['**/*.ts'],
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver()],
			// Lets no-cycle read the TypeScript files it follows (as the plugin's typescript config does).
			'import-x/extensions': ['.ts', '.js'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
		},
		rules: {
			'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: structureZones }],
			'import-x/no-cycle': ['error', { ignoreExternal: true }],
		},
	},
	{
		// The model is the PandaPon API alone: the local server bundles it without n8n.
		files: [`${NODE}/model/**/*.ts`],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['n8n-*'], message: 'The model has no n8n in it.' }] },
			],
		},
	},
);
