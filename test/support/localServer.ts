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
	/** Runs Items → PandaPon with these parameters through n8n's engine (with other credential data if given). */
	run(parameters: IDataObject, options?: RunOptions): Promise<RunResult>;
	/** Runs and returns the node's output JSON, failing with the workflow error if there is one. */
	json(parameters: IDataObject, options?: RunOptions): Promise<IDataObject[]>;
}

export type RunOptions = Omit<NodeSpec, 'parameters'> & {
	credentials?: ICredentialDataDecryptedObject;
};

/** The PandaPon API credential's data for a local server (its keys and URL, the default signature form). */
export const credentialsOf = (server: PandaPonServer): ICredentialDataDecryptedObject => ({
	accessKey: server.keys.accessKey,
	accessSecret: server.keys.accessSecret,
	userId: server.keys.userId,
	baseUrl: server.url,
	timestampUnit: 'seconds',
	signNonce: true,
});

export function useLocalServer(
	options: ServerOptions = {},
	credentialOverrides: IDataObject = {},
): Local {
	const local = {} as Local;
	beforeAll(async () => {
		local.server = await startServer({ seedOrders: 1000, ...options });
		local.credentials = {
			...credentialsOf(local.server),
			...(credentialOverrides as ICredentialDataDecryptedObject),
		};
		local.run = (parameters, { credentials, ...spec } = {}) =>
			runWorkflow(pandaponWorkflow({ parameters, ...spec }), {
				pandaPonApi: credentials ?? local.credentials,
			});
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
