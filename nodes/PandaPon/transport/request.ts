/**
 * The one place that talks HTTP to PandaPon. Every call goes through n8n's httpRequestWithAuthentication (so
 * proxies, SSL settings and the credential's signing apply), reads the body as text, parses it losslessly and
 * unwraps the envelope. Only reads are retried; every write (creates, payments, cancels, confirmations, cart and
 * warehouse changes) is sent once, and an answer that leaves its outcome open is tagged `outcome: 'unknown'`.
 */
import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { wireMismatch } from '../model/wire';
import { accessOfPath, isReadOnlyCredential, readOnlyRefuses } from '../model/access';
import { englishFor } from '../model/apiMessages';
import { parseJson, stringifyJson } from '../model/json';
import { envelopeMeansRefused, outcomeOfAnswer, type Answer } from '../model/outcome';

export const CREDENTIAL_NAME = 'pandaPonApi';
export const PRODUCTION_BASE_URL = 'https://api.pandapon.com';

/** Retry policy for reads: attempts in all, first backoff, cap. Writes get one attempt. */
export const RETRY = { attempts: 4, baseDelayMs: 400, maxDelayMs: 8000 };
/** The longest Retry-After a read waits for; a longer one fails at once, saying how long PandaPon asked to wait. */
export const RETRY_AFTER_MAX_MS = 30_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** Text for a message from whatever PandaPon put there: never "[object Object]", "undefined" or "null". */
export function messageText(value: unknown, fallback = '(no message)'): string {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
		return String(value);
	let text: string;
	try {
		text = stringifyJson(value);
	} catch {
		return fallback;
	}
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export type PandaPonContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions;

export interface PandaPonRequest {
	method: IHttpRequestMethods;
	path: string;
	query?: Record<string, string | number | boolean | undefined>;
	/** Plain JSON; JsonInteger values are written as bare numbers. */
	body?: unknown;
	/** A body already written as JSON text (the custom call), sent exactly as given. */
	rawBody?: string;
	/**
	 * true only for calls that are safe to repeat (list, get, preview, track). Never set it for create, pay,
	 * cancel or confirm: PandaPon has no idempotency key, so a repeat could buy or pay twice.
	 */
	idempotent?: boolean;
	itemIndex?: number;
	timeoutMs?: number;
	/** The ENDPOINTS key (spread in with the endpoint): a body for a documented endpoint is checked against its page. */
	name?: string;
	/** read or write (spread in with the endpoint); a call without one (the custom call) is a write unless idempotent. */
	access?: 'read' | 'write';
	/** At most this many attempts for a read (the settling reads after an unknown outcome use fewer). */
	maxAttempts?: number;
	/**
	 * For a write: where a person looks whether it took effect when its answer is lost ("the order list (1688 Order →
	 * Get Many)"), said in the error message. The action node knows its menus; the transport does not.
	 */
	whereToCheck?: string;
	/** Sign with these credential settings instead of the stored ones (the connection check's variants). */
	signing?: { timestampUnit: 'seconds' | 'milliseconds'; signNonce: boolean };
}

export interface PandaPonEnvelope {
	code: unknown;
	msg?: unknown;
	requestId?: unknown;
	developId?: unknown;
	data?: unknown;
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
]);

function errorCode(error: unknown): string | undefined {
	const e = error as { code?: unknown; cause?: { code?: unknown } };
	const code = e?.code ?? e?.cause?.code;
	return typeof code === 'string' ? code : undefined;
}

/** A Retry-After header (seconds or HTTP date) in ms, or undefined when absent or unreadable. */
export function retryAfterMs(retryAfter?: string | string[]): number | undefined {
	const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
	if (!header) return undefined;
	const seconds = Number(header);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
	return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** Exponential backoff with full jitter; Retry-After wins when present (the caller refuses one above RETRY_AFTER_MAX_MS). */
export function backoffDelay(attempt: number, retryAfter?: string | string[]): number {
	const asked = retryAfterMs(retryAfter);
	if (asked !== undefined) return Math.min(asked, RETRY_AFTER_MAX_MS);
	const ceiling = Math.min(RETRY.maxDelayMs, RETRY.baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return String(body);
}

/** A short, tag-free excerpt of a non-JSON answer (an HTML gateway page, say) for the error message. */
function excerpt(text: string): string {
	const plain = text
		.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > 160 ? `${plain.slice(0, 160)}…` : plain;
}

function describe(req: PandaPonRequest): string {
	return `${req.method} ${req.path}`;
}

/**
 * For a request that is not repeated (it orders, pays, cancels or changes something) whose answer was lost: said
 * in the error *message*, because people and AI agents read the message (an agent never sees the description).
 */
function unknownOutcome(req: PandaPonRequest): string {
	if (!isWrite(req)) return '';
	return ` This request may have reached PandaPon and taken effect; it was not repeated. Before trying again, check ${req.whereToCheck ?? 'with PandaPon whether it took effect'}.`;
}

/** A message, followed for a write by the sentence above. */
const withOutcome = (message: string, req: PandaPonRequest): string =>
	isWrite(req) ? `${message}.${unknownOutcome(req)}` : message;

/**
 * A write: an endpoint marked write, or a call without one (the custom call) unless it is marked Safe to Repeat and
 * its path, however written, is not a known write.
 */
function isWrite(req: PandaPonRequest): boolean {
	if (req.access) return req.access === 'write';
	return !req.idempotent || accessOfPath(req.path, req.method) === 'write';
}

/** The outcome a failed write leaves: unknown (it may have taken effect) or refused; read by the settling reads. */
export type WriteOutcome = 'unknown' | 'refused';

export function outcomeOf(error: unknown): WriteOutcome | undefined {
	const context = (error as { context?: { outcome?: unknown } })?.context;
	return context?.outcome === 'unknown' || context?.outcome === 'refused'
		? context.outcome
		: undefined;
}

/**
 * An API error for `req`. `what` is what happened ("PandaPon answered HTTP 502: …"); for a write left open, the
 * message adds the unknown-outcome sentence. The context carries both as typed fields: `outcome` (from
 * model/outcome.ts, writes only) and `answer` (the message without the sentence), so nothing parses the message.
 */
function apiError(
	ctx: PandaPonContext,
	req: PandaPonRequest,
	failure: {
		details: JsonObject;
		what: string;
		description: string;
		answer: Answer;
		httpCode?: number;
	},
): NodeApiError {
	const outcome = outcomeOfAnswer(failure.answer);
	// The message stays cautious after any network failure (a refused connection counts as refused for the
	// settling reads, but a person is still told to check before sending again).
	const open = isWrite(req) && (outcome === 'unknown' || failure.answer.kind === 'network');
	const error = new NodeApiError(ctx.getNode(), failure.details, {
		message: open ? withOutcome(failure.what, req) : failure.what,
		description: `${failure.description}${open ? unknownOutcome(req) : ''}`,
		httpCode: failure.httpCode === undefined ? undefined : String(failure.httpCode),
		itemIndex: req.itemIndex,
	});
	error.context.answer = failure.what;
	if (outcome !== 'done' && isWrite(req)) error.context.outcome = outcome;
	return error;
}

type Connection = { baseUrl: string; timeoutMs: number; credentials: ICredentialsDecrypted };

/** The refusal of a write by a Read Only credential ("POST /v2/alibaba/order/cancel" as `call`), naming the setting. */
export function readOnlyError(
	ctx: PandaPonContext,
	call: string,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`${itemIndex === undefined ? '' : `Item ${itemIndex + 1}: `}This operation was not sent: the PandaPon API credential is set to Access: Read Only, and ${call} changes real orders, money or data.`,
		{
			itemIndex,
			description:
				'Nothing was sent to PandaPon. To run it, use a credential whose Access is Read and Write.',
		},
	);
}

/**
 * A Read Only credential refuses every write before anything is sent. A call without an endpoint (the custom call)
 * goes out only when its path, normalised, is a read the endpoint table knows, whatever Safe to Repeat says.
 */
function assertWritable(ctx: PandaPonContext, conn: Connection, req: PandaPonRequest): void {
	if (!isReadOnlyCredential(conn.credentials.data)) return;
	if (readOnlyRefuses(req)) throw readOnlyError(ctx, describe(req), req.itemIndex);
}

/** The request as n8n's helper takes it (raw text back, status errors as answers), and the credential to sign with. */
function requestOptions(conn: Connection, req: Omit<PandaPonRequest, 'body'>) {
	const timeoutMs = req.timeoutMs ?? conn.timeoutMs;
	const options: IHttpRequestOptions = {
		method: req.method,
		url: `${conn.baseUrl}${req.path}`,
		qs: req.query ? (removeUndefined(req.query) as IDataObject) : undefined,
		headers: { Accept: 'application/json' },
		// Ask for raw text: n8n's own JSON.parse would round 19-digit ids.
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
	// The connection check signs with each variant in turn; everything else with the stored settings.
	const signedWith = req.signing
		? { ...conn.credentials, data: { ...conn.credentials.data, ...req.signing } }
		: conn.credentials;
	return { options, signedWith, timeoutMs };
}

// n8n reads the credential from its database and decrypts it on every getCredentials call, and
// httpRequestWithAuthentication does so for every request unless it is handed the decrypted credential. So it is
// read once per node run (one context object serves all its items, and a context lives only for that run) and
// handed over with each request; n8n still applies the credential's authenticate() (a fresh signature each time).
const connections = new WeakMap<object, Promise<Connection>>();

function connection(ctx: PandaPonContext): Promise<Connection> {
	let cached = connections.get(ctx);
	if (!cached) {
		cached = readConnection(ctx);
		connections.set(ctx, cached);
		cached.catch(() => connections.delete(ctx));
	}
	return cached;
}

/** The stored credential's fields, from the same once-per-run read the requests use. */
export async function credentialData(
	ctx: PandaPonContext,
): Promise<ICredentialDataDecryptedObject> {
	return (await connection(ctx)).credentials.data ?? {};
}

/** The credential's Request Timeout in ms (the default when unset), as every request of this run uses it. */
export async function requestTimeoutMs(ctx: PandaPonContext): Promise<number> {
	return (await connection(ctx)).timeoutMs;
}

async function readConnection(ctx: PandaPonContext): Promise<Connection> {
	const data = await ctx.getCredentials(CREDENTIAL_NAME, 0);
	const url = String(data.baseUrl || PRODUCTION_BASE_URL).trim();
	const seconds = Number(data.timeoutSeconds);
	const selected = ctx.getNode().credentials?.[CREDENTIAL_NAME];
	return {
		baseUrl: url.replace(/\/+$/, ''),
		timeoutMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : REQUEST_TIMEOUT_MS,
		credentials: {
			id: selected?.id ?? '',
			name: selected?.name ?? '',
			type: CREDENTIAL_NAME,
			data,
		},
	};
}

/**
 * Contexts checking an item's input before a write sends anything (see inputErrorBeforeSending): their first request
 * is not sent, and is recorded instead.
 */
const CHECKING = new WeakMap<object, { reached: boolean }>();

/** Thrown instead of sending while an item is being checked; never leaves inputErrorBeforeSending. */
class CheckReachedRequest extends Error {}

/**
 * Runs an operation on one item up to the first request it would send, sending nothing: every field is read and
 * checked as for the real run. Returns the item's input error, if it has one (the caller reports it as it reports
 * any item's error).
 */
export async function inputErrorBeforeSending(
	ctx: PandaPonContext,
	run: () => Promise<unknown>,
): Promise<unknown> {
	const state = { reached: false };
	CHECKING.set(ctx, state);
	try {
		await run();
		return undefined;
	} catch (error) {
		// Whatever the operation made of the stop (a wrapped error, a refusal), its input was good up to the request.
		return state.reached ? undefined : error;
	} finally {
		CHECKING.delete(ctx);
	}
}

/** An item being checked (inputErrorBeforeSending) stops at its first request: recorded, not sent. */
function stopIfChecking(ctx: PandaPonContext): void {
	const checking = CHECKING.get(ctx);
	if (!checking) return;
	checking.reached = true;
	throw new CheckReachedRequest('checking the item only: nothing is sent');
}

/**
 * Puts the body on the options: the custom call's text exactly as given, else the JSON written losslessly (an object
 * would be copied and lose the exact digits). Only what the endpoint's page lists goes out; anything else is this
 * package's bug, caught before sending.
 */
function attachBody(
	ctx: PandaPonContext,
	options: IHttpRequestOptions,
	req: PandaPonRequest,
): void {
	if (req.rawBody === undefined && req.body === undefined) return;
	options.body = req.rawBody ?? stringifyJson(req.body);
	options.headers = { ...options.headers, 'Content-Type': 'application/json' };
	if (req.rawBody !== undefined) return;
	const mismatch = wireMismatch(req.name, options.body);
	if (!mismatch) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`${req.itemIndex === undefined ? '' : `Item ${req.itemIndex + 1}: `}the request for ${describe(req)} does not match PandaPon's documented form (${mismatch}). Nothing was sent.`,
		{
			itemIndex: req.itemIndex,
			description:
				'This is a bug of n8n-nodes-pandapon: please report it with the operation you used.',
		},
	);
}

/** Writes get one attempt, whatever the caller says: PandaPon has no idempotency key. */
const attemptsFor = (req: PandaPonRequest): number =>
	isWrite(req) || !req.idempotent
		? 1
		: Math.max(1, Math.min(RETRY.attempts, req.maxAttempts ?? RETRY.attempts));

const timedOut = (error: unknown, code: string | undefined): boolean =>
	code === 'ECONNABORTED' ||
	code === 'ETIMEDOUT' ||
	/timeout/i.test(String((error as Error)?.message));

/** No answer arrived: the connection failed, was cut or timed out. */
function networkFailure(
	ctx: PandaPonContext,
	req: PandaPonRequest,
	sent: { url: string; timeoutMs: number; attempts: number },
	error: unknown,
): NodeApiError {
	const code = errorCode(error);
	const what = timedOut(error, code)
		? `PandaPon did not answer within ${Math.round(sent.timeoutMs / 1000)} s`
		: 'Could not reach PandaPon (the connection failed or was cut)';
	return apiError(ctx, req, {
		// not "code": NodeApiError would replace our message with its generic text for known codes
		details: { message: what, networkError: code ?? 'NETWORK_ERROR' },
		what,
		// The network code goes in the description: NodeApiError swaps messages that contain one.
		description: `${describe(req)} to ${sent.url} failed after ${sent.attempts} attempt(s) (${code ?? 'network error'}).`,
		answer: { kind: 'network', code },
	});
}

/** The answer's body as an envelope-shaped object, or undefined when it is not one. */
function parseEnvelope(text: string): PandaPonEnvelope | undefined {
	try {
		const parsed = parseJson(text);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as PandaPonEnvelope)
			: undefined;
	} catch {
		return undefined;
	}
}

/** How long a 429 asked to wait (ms), and whether that is longer than this node waits. */
function askedWait(response: RawResponse): { asked?: number; tooLong: boolean } {
	const asked =
		response.statusCode === 429 ? retryAfterMs(response.headers?.['retry-after']) : undefined;
	return { asked, tooLong: asked !== undefined && asked > RETRY_AFTER_MAX_MS };
}

/** An HTTP status outside 2xx. */
function httpFailure(
	ctx: PandaPonContext,
	req: PandaPonRequest,
	response: RawResponse,
	text: string,
	attempts: number,
): NodeApiError {
	const status = response.statusCode;
	const envelope = parseEnvelope(text);
	const msg = messageText(envelope?.msg, excerpt(text) || 'no body');
	const { asked, tooLong } = askedWait(response);
	const wait =
		asked !== undefined
			? ` PandaPon asked to wait ${Math.ceil(asked / 1000)} s before trying again${tooLong ? ` (more than the ${RETRY_AFTER_MAX_MS / 1000} s this node waits)` : ''}.`
			: '';
	return apiError(ctx, req, {
		details: {
			httpCode: status,
			code: (envelope?.code as number) ?? null,
			msg,
			requestId: (envelope?.requestId as string) ?? null,
		},
		what:
			status >= 500
				? `PandaPon answered HTTP ${status}: ${msg}${englishFor(msg)}`
				: `PandaPon answered HTTP ${status}${status === 429 ? ' (too many requests)' : ''}: ${msg}${englishFor(msg)}${wait}`,
		description: `${describe(req)} failed after ${attempts} attempt(s).${
			envelope?.requestId ? ` requestId: ${messageText(envelope.requestId)}` : ''
		}`,
		answer: { kind: 'http', status },
		httpCode: status,
	});
}

/** A 2xx whose body is not a PandaPon envelope (a proxy or gateway page). */
function notEnvelopeFailure(
	ctx: PandaPonContext,
	req: PandaPonRequest,
	status: number,
	text: string,
): NodeApiError {
	return apiError(ctx, req, {
		details: { httpCode: status, body: excerpt(text) },
		what: 'PandaPon answered with something that is not a PandaPon JSON envelope',
		description: `${describe(req)} returned HTTP ${status} with: "${excerpt(text) || '(empty body)'}". Check the Base URL in the credential (a proxy or gateway page answers like this).`,
		answer: { kind: 'notEnvelope' },
		httpCode: status,
	});
}

/** An envelope whose code is not 200: refused (4xx family) or left open. */
function envelopeFailure(
	ctx: PandaPonContext,
	req: PandaPonRequest,
	envelope: PandaPonEnvelope,
): NodeApiError {
	const msg = messageText(envelope.msg);
	const code = messageText(envelope.code, '(no code)');
	const refused = envelopeMeansRefused(envelope.code);
	return apiError(ctx, req, {
		details: {
			code: envelope.code as number,
			msg,
			requestId:
				envelope.requestId === undefined || envelope.requestId === null
					? null
					: messageText(envelope.requestId),
		},
		what: `PandaPon error ${code}: ${msg}${englishFor(msg)}`,
		description: `${describe(req)} was ${refused ? 'refused by PandaPon' : 'answered by PandaPon with an error'} (code ${code}). requestId: ${messageText(envelope.requestId, 'none')}`,
		answer: { kind: 'envelope', code: envelope.code },
	});
}

/** A read may be tried again after this answer: 429 (unless it asks to wait too long) or a 5xx. */
function retryableStatus(response: RawResponse): boolean {
	const status = response.statusCode;
	return (status === 429 || status >= 500) && !askedWait(response).tooLong;
}

/** A read may be tried again after this network error: a timeout or a connection failure. */
function retryableNetwork(error: unknown): boolean {
	const code = errorCode(error);
	return timedOut(error, code) || (code !== undefined && RETRYABLE_NETWORK_CODES.has(code));
}

/** The envelope of a received answer (code 200), or the error it means. */
function envelopeOf(
	ctx: PandaPonContext,
	req: PandaPonRequest,
	response: RawResponse,
	attempts: number,
): PandaPonEnvelope {
	const text = bodyText(response.body);
	const status = response.statusCode;
	if (status < 200 || status >= 300) throw httpFailure(ctx, req, response, text, attempts);
	const envelope = parseEnvelope(text);
	if (!envelope || !('code' in envelope)) throw notEnvelopeFailure(ctx, req, status, text);
	if (outcomeOfAnswer({ kind: 'envelope', code: envelope.code }) !== 'done')
		throw envelopeFailure(ctx, req, envelope);
	return envelope;
}

/** Sends one request and returns the whole envelope (code 200 guaranteed). Reads are retried; writes sent once. */
export async function pandaponEnvelope(
	this: PandaPonContext,
	req: PandaPonRequest,
): Promise<PandaPonEnvelope> {
	stopIfChecking(this);
	const conn = await connection(this);
	assertWritable(this, conn, req);
	const { options, signedWith, timeoutMs } = requestOptions(conn, req);
	attachBody(this, options, req);
	const attempts = attemptsFor(req);
	for (let attempt = 0; ; attempt++) {
		const last = attempt + 1 >= attempts;
		let response: RawResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_NAME,
				options,
				{ credentialsDecrypted: signedWith },
			)) as RawResponse;
		} catch (error) {
			if (last || !retryableNetwork(error)) {
				const sent = { url: options.url, timeoutMs, attempts: attempt + 1 };
				throw networkFailure(this, req, sent, error);
			}
			await sleep(backoffDelay(attempt));
			continue;
		}
		if (last || !retryableStatus(response)) return envelopeOf(this, req, response, attempt + 1);
		await sleep(backoffDelay(attempt, response.headers?.['retry-after']));
	}
}

/** Sends one request and returns the envelope's data. */
export async function pandaponRequest(
	this: PandaPonContext,
	req: PandaPonRequest,
): Promise<unknown> {
	const envelope = await pandaponEnvelope.call(this, req);
	return envelope.data;
}

function removeUndefined(query: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''));
}

export interface ProbeResult {
	/** HTTP status, or null when no answer arrived. */
	status: number | null;
	code: unknown;
	msg: string | null;
	requestId: string | null;
	ms: number;
	/** The answer's Date header (server clock), when there is one. */
	date: string | null;
	/** The network error, when no answer arrived. */
	error?: string;
}

/**
 * One signed request, sent once, that never throws for PandaPon's answer: the connection check reads status,
 * code and the Date header of each signing variant. Only for reads.
 */
export async function pandaponProbe(
	this: PandaPonContext,
	req: Omit<PandaPonRequest, 'body' | 'rawBody' | 'idempotent'>,
): Promise<ProbeResult> {
	const { options, signedWith } = requestOptions(await connection(this), req);
	const started = Date.now();
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_NAME,
			options,
			{
				credentialsDecrypted: signedWith,
			},
		)) as RawResponse;
		const ms = Date.now() - started;
		let envelope: PandaPonEnvelope | undefined;
		try {
			envelope = parseJson(bodyText(response.body)) as PandaPonEnvelope;
		} catch {
			envelope = undefined;
		}
		const date = response.headers?.date;
		return {
			status: response.statusCode,
			code: envelope?.code ?? null,
			msg:
				envelope?.msg === undefined || envelope?.msg === null
					? excerpt(bodyText(response.body)) || null
					: String(envelope.msg),
			requestId: (envelope?.requestId as string) ?? null,
			ms,
			date: (Array.isArray(date) ? date[0] : date) ?? null,
		};
	} catch (error) {
		return {
			status: null,
			code: null,
			msg: null,
			requestId: null,
			ms: Date.now() - started,
			date: null,
			error: errorCode(error) ?? (error as Error).message,
		};
	}
}
