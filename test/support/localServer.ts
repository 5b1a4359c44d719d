/** Test setup: a local PandaPon server per test file, and a runner bound to its credential. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import {
	startServer,
	type PandaPonServer,
	type ServerOptions,
} from '../../packages/local-server/src/app';
import { pandaponWorkflow, runWorkflow, type NodeSpec, type RunResult } from '../../tools/engine';

export interface Local {
	server: PandaPonServer;
	credentials: ICredentialDataDecryptedObject;
	/** Runs Items → PandaPon with these parameters through n8n's engine. */
	run(parameters: IDataObject, options?: Omit<NodeSpec, 'parameters'>): Promise<RunResult>;
	/** Runs and returns the node's output JSON, failing with the workflow error if there is one. */
	json(parameters: IDataObject, options?: Omit<NodeSpec, 'parameters'>): Promise<IDataObject[]>;
}

export function useLocalServer(
	options: ServerOptions = {},
	credentialOverrides: IDataObject = {},
): Local {
	const local = {} as Local;
	beforeAll(async () => {
		local.server = await startServer({ seedOrders: 1000, ...options });
		local.credentials = {
			accessKey: local.server.keys.accessKey,
			accessSecret: local.server.keys.accessSecret,
			userId: local.server.keys.userId,
			baseUrl: local.server.url,
			timestampUnit: 'seconds',
			signNonce: true,
			...credentialOverrides,
		};
		local.run = (parameters, spec = {}) =>
			runWorkflow(pandaponWorkflow({ parameters, ...spec }), { pandaPonApi: local.credentials });
		local.json = async (parameters, spec = {}) => {
			const result = await local.run(parameters, spec);
			if (result.error)
				throw new Error(
					`workflow failed: ${result.error.message} — ${result.error.description ?? ''}`,
				);
			return result.output().map((item) => item.json);
		};
	});
	afterAll(async () => {
		await local.server?.close();
	});
	return local;
}
