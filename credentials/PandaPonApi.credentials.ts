import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { isReadOnlyCredential, readOnlyRefuses } from '../nodes/PandaPon/model/access';
import { safetySetting } from '../nodes/PandaPon/model/safety';
import { buildAuthHeaders, type TimestampUnit } from '../nodes/PandaPon/model/requestSignature';

export const DEFAULT_BASE_URL = 'https://api.pandapon.com';

/** The refusal of a Read Only credential to sign a write, whichever node asked (n8n's HTTP Request node included). */
export const READ_ONLY_SIGNING_REFUSAL =
	'Not sent: this PandaPon API credential is set to Access: Read Only, and the request is not a read PandaPon documents (it may change real orders, money or data). The credential does not sign it. Use a credential whose Access is Read and Write to send it.';

/**
 * Signs every request with PandaPon's system headers (a fresh timestamp and nonce each time). A Read Only
 * credential signs only what the one Read Only rule (model/access.ts) lets through — a known read, however the path
 * is written — so no node (n8n's own HTTP Request node and its "Custom API Call" included) can send a write with it.
 */
export const signPandaPonRequest = async (
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> => {
	if (isReadOnlyCredential(credentials)) {
		// n8n's HTTP Request node hands over request-library options (`uri`), n8n's helpers `url` (+ `baseURL`).
		const target = String(requestOptions.url ?? (requestOptions as { uri?: unknown }).uri ?? '');
		const base = String(requestOptions.baseURL ?? '');
		const path =
			/^[a-z][a-z0-9+.-]*:\/\//i.test(target) || !base
				? target
				: `${base.replace(/\/+$/, '')}/${target.replace(/^\/+/, '')}`;
		// n8n's helpers send GET when no method is given.
		if (readOnlyRefuses({ path, method: String(requestOptions.method ?? 'GET') }))
			throw new Error(READ_ONLY_SIGNING_REFUSAL);
	}
	const headers = buildAuthHeaders({
		accessKey: String(credentials.accessKey ?? '').trim(),
		accessSecret: String(credentials.accessSecret ?? '').trim(),
		userId: String(credentials.userId ?? '').trim(),
		timestampUnit: (credentials.timestampUnit as TimestampUnit) ?? 'seconds',
		signNonce: credentials.signNonce !== false,
	});
	return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
};

export class PandaPonApi implements ICredentialType {
	name = 'pandaPonApi';

	displayName = 'PandaPon API';

	icon: Icon = { light: 'file:../icons/pandapon.svg', dark: 'file:../icons/pandapon.dark.svg' };

	documentationUrl = 'https://github.com/pandapon/n8n-nodes-pandapon#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 32 characters from AccessKey management',
			description: 'From the PandaPon console: AccessKey management. 32 lowercase hex characters.',
		},
		{
			displayName: 'Access Secret',
			name: 'accessSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret paired with the Access Key (PandaPon console: AccessKey management → view). Resetting it in the console invalidates the old one at once.',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 2100000000000',
			description:
				'Your PandaPon user ID (sent as the user-id header; decides sub-account permissions)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'The default is PandaPon production. Change it only for a proxy or the local PandaPon-compatible test server (e.g. http://127.0.0.1:8787).',
		},
		{
			displayName:
				'PandaPon has no sandbox: with the production Base URL, orders and payments are real and move real money. To try workflows safely, set Access to Read Only below, or point Base URL at the local PandaPon test server (see the README).',
			name: 'noSandboxNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Adjust Signature Settings',
			name: 'adjustSignature',
			type: 'boolean',
			default: false,
			description:
				'Whether to change how requests are signed. Leave off: the defaults work with PandaPon. Account → Check Connection tells you if another setting is needed.',
		},
		{
			displayName: 'Timestamp Unit',
			name: 'timestampUnit',
			type: 'options',
			options: [
				{ name: 'Seconds (Recommended)', value: 'seconds' },
				{ name: 'Milliseconds', value: 'milliseconds' },
			],
			default: 'seconds',
			displayOptions: { show: { adjustSignature: [true] } },
			description:
				'Unit of the signed timestamp header. Working integrations send seconds; a documentation sample shows milliseconds. Switch only if PandaPon refuses the signature with correct keys.',
		},
		{
			displayName: 'Sign With Nonce',
			name: 'signNonce',
			type: 'boolean',
			default: true,
			displayOptions: { show: { adjustSignature: [true] } },
			description:
				'Whether to send the nonce-str header and include it in the signature (recommended). Turn off only if PandaPon refuses signed requests: the no-nonce variant is unverified.',
		},
		safetySetting<INodeProperties>({
			displayName: 'Access',
			name: 'access',
			type: 'options',
			options: [
				{ name: 'Read and Write', value: 'readWrite', description: 'Every operation runs' },
				{
					name: 'Read Only',
					value: 'readOnly',
					description:
						'Operations that order, pay, cancel, confirm, refund, upload or change a cart or an address refuse before sending: build and test on production data with nothing at stake',
				},
			],
			default: 'readWrite',
			description:
				'PandaPon has no sandbox. Read Only makes this credential safe for building and testing workflows on your real account.',
		}),
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 300 },
			default: 30,
			description:
				'How long to wait for each answer. Reads that time out are retried; orders, payments, cancellations and receipts are not (check the order list instead).',
		},
	];

	authenticate: IAuthenticate = signPandaPonRequest;

	// A cheap read (the 1688 cart) signed by authenticate above; a refused key answers HTTP 200 with a non-200 code.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || "https://api.pandapon.com").replace(/\\/+$/, "") }}',
			url: '/v2/alibaba/cart/list',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data',
					value: null,
					message:
						'PandaPon refused the keys (the answer carried no data). Check the Access Key, Access Secret and User ID, and that this machine’s clock is right.',
				},
			},
		],
	};
}
