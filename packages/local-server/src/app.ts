/**
 * A PandaPon-compatible HTTP server for tests, the demo and benchmarks: same paths, headers, signature rule
 * (±600 s window, seconds or milliseconds), envelope and error style as the Development manual (doc-en.pandapon.com/doc-6055770), over an in-memory store.
 * Admin endpoints under /__admin (unsigned) drive it: fault injection, shipping, counters, callbacks.
 */
import { randomBytes } from 'crypto';
import http, { type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { URL } from 'url';

import { wireMismatch } from '../../../nodes/PandaPon/model/wire';
import { ENDPOINTS } from '../../../nodes/PandaPon/model/endpoints';
import { parseJson, stringifyJson } from '../../../nodes/PandaPon/model/json';
import { computeSignature } from '../../../nodes/PandaPon/model/requestSignature';
import { CallbackPusher } from './callbacks';
import { afterSaleRoutes } from './routes/afterSale';
import { goodsRoutes } from './routes/goods';
import { orderRoutes } from './routes/orders';
import { stateOf } from './routes/state';
import { ValidationError, type RouteHandler } from './routes/route';
import { taobaoRoutes } from './routes/taobao';
import { BusinessError, DEVELOP_ID, OrderStore } from './store';

export const DEFAULT_KEYS = {
	accessKey: '3c9d0b7e5a2f4e81b6d4f0a9c2e7b315',
	accessSecret: 'local-pandapon-secret-K7pQ2vX9mZ4t',
	userId: '2100007341207',
};
export const TIMESTAMP_WINDOW_S = 600;

export interface ServerOptions {
	port?: number;
	host?: string;
	accessKey?: string;
	accessSecret?: string;
	userId?: string;
	seedOrders?: number;
	/** Ship paid orders automatically after this many ms (the demo's "seller"); 0 = only via /__admin. */
	autoShipMs?: number;
	/** Confirm receipt of orders it auto-shipped this many ms later (the "warehouse"); 0 = only on request. */
	autoReceiveMs?: number;
	callbackUrl?: string;
	callbackRetryDelaysMs?: number[];
	quiet?: boolean;
	/**
	 * Accept only one signing variant, as a real account would (the docs leave the unit and the nonce open):
	 * timestamps in this unit only, and the nonce signed (true) or ignored and left out of the signature (false).
	 * Unset: any unit, nonce optional (the permissive default the tests and the demo use).
	 */
	signatureVariant?: { timestampUnit: 'seconds' | 'milliseconds'; nonce: boolean };
	/**
	 * Answer the unsigned /__admin endpoints for callers other than this machine (e.g. n8n in another Docker
	 * container). Off by default: the admin endpoints can ship, refund and push anything.
	 */
	adminFromAnywhere?: boolean;
	/** Host names (besides loopback) the admin endpoints answer to, e.g. the name n8n reaches this server by. */
	adminHosts?: string[];
	/** Cap the order list's page size (PandaPon publishes no maximum), to test clients against a server that does. */
	maxPageSize?: number;
	/** Sort the order list by last change instead of creation (PandaPon does not document its order). */
	listOrder?: 'created' | 'updated';
	/** Let the order list lag this many ms behind the orders (a replica that catches up late); 0 = up to date. */
	listLagMs?: number;
}

/** Every answer says it comes from a simulation, so nobody takes a test order for a real one. */
export const SIMULATED_HEADER = {
	'X-PandaPon-Simulated': 'local test server: no real orders, no real money',
};

const isLoopback = (address: string | undefined) =>
	!!address &&
	(address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

/** "POST /v2/alibaba/order/cancel" → "orderCancel": the key the documented wire shapes are filed under. */
const ENDPOINT_NAMES = new Map(
	Object.entries(ENDPOINTS).map(([name, e]) => [`${e.method} ${e.path}`, name]),
);

export interface Fault {
	method?: string;
	/** Exact path, or a prefix ending in '*'. Omit for every API path. */
	path?: string;
	kind:
		| 'status'
		| 'rateLimit'
		| 'latency'
		| 'html'
		| 'malformed'
		| 'code'
		| 'reset'
		| 'hang'
		| 'envelope';
	/** envelope: the whole answer, sent with HTTP 200 (an odd msg, a preview without a total …). */
	envelope?: unknown;
	status?: number;
	retryAfter?: string;
	code?: number;
	msg?: string;
	delayMs?: number;
	/** How many matching requests it affects (default 1; -1 = until cleared). */
	times?: number;
	/**
	 * Carry the request out first, then answer with the fault: the write took effect but its answer was lost (as
	 * when PandaPon answers after the client's timeout, or a gateway fails on the way back).
	 */
	apply?: boolean;
	/** Let this many matching requests through first (a fault at item 2 of a run: after: 1). */
	after?: number;
	/**
	 * With apply: the write takes effect this many ms after the request arrived instead of before the answer (a
	 * PandaPon that is still working on it when the client gives up, or a gateway that times out first).
	 */
	applyAfterMs?: number;
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	rawBody: string;
	/** The request's headers, with signature and nonce-str redacted (the admin API serves this log). */
	headers: Record<string, string>;
	outcome?: string;
	/** In-process only (not enumerable, so never served): what the signature headers held, for the secret-hygiene tests. */
	readonly signed?: { signature?: string; nonce?: string };
}

/** Headers computed from the secret: kept out of the request log the admin API serves. */
const REDACTED_HEADERS = new Set(['signature', 'nonce-str']);

function requestId(): string {
	return randomBytes(16).toString('hex');
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

export class PandaPonServer {
	readonly store: OrderStore;
	readonly keys: { accessKey: string; accessSecret: string; userId: string };
	readonly callbacks: CallbackPusher;
	readonly stats = {
		received: {} as Record<string, number>,
		handled: {} as Record<string, number>,
		peakInFlight: 0,
	};
	private inFlight = 0;
	readonly log: LoggedRequest[] = [];
	/** Notices posted to /__admin/inbox (the examples' chat stand-in). */
	readonly inbox: Record<string, unknown>[] = [];
	/**
	 * Moves the server's clock for the Date header and the signature window (tests of a client whose clock is off).
	 * POST /__admin/clock {skewMs} moves the orders' clock too (store.clockSkewMs: when they are created and change).
	 */
	clockSkewMs = 0;
	private faults: Fault[] = [];
	private readonly routes = new Map<string, RouteHandler>();
	private readonly patterns: Array<{ regex: RegExp; names: string[]; handler: RouteHandler }> = [];
	private readonly server: http.Server;
	private readonly timers = new Set<NodeJS.Timeout>();
	url = '';

	constructor(readonly options: ServerOptions = {}) {
		this.keys = {
			accessKey: options.accessKey ?? DEFAULT_KEYS.accessKey,
			accessSecret: options.accessSecret ?? DEFAULT_KEYS.accessSecret,
			userId: options.userId ?? DEFAULT_KEYS.userId,
		};
		this.store = new OrderStore({ seedOrders: options.seedOrders });
		this.store.maxPageSize = options.maxPageSize;
		this.store.listOrder = options.listOrder ?? 'created';
		this.store.listLagMs = options.listLagMs ?? 0;
		this.callbacks = new CallbackPusher(this.store, {
			url: options.callbackUrl,
			retryDelaysMs: options.callbackRetryDelaysMs,
			accessSecret: this.keys.accessSecret,
		});
		this.addRoutes(orderRoutes);
		this.addRoutes(goodsRoutes);
		this.addRoutes(afterSaleRoutes);
		this.addRoutes(taobaoRoutes);
		// The demo's seller and warehouse: paid orders ship, shipped ones are received, each after a delay.
		const later = (ms: number, step: () => void) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				try {
					step();
				} catch {
					// cancelled or moved on meanwhile: nothing to do
				}
			}, ms);
			this.timers.add(timer);
		};
		this.store.on('event', (type: string, order: { tbOrderId: string }) => {
			if (type !== 'ORDER_PAY_SUCCESS' || !options.autoShipMs) return;
			later(options.autoShipMs, () => {
				this.store.ship(order.tbOrderId);
				if (options.autoReceiveMs)
					later(options.autoReceiveMs, () => this.store.confirmReceipt(order.tbOrderId, undefined));
			});
		});
		this.server = http.createServer((req, res) => {
			// Requests being answered at once (the peak shows whether a client sent in parallel).
			if (!req.url?.startsWith('/__admin')) {
				this.inFlight++;
				this.stats.peakInFlight = Math.max(this.stats.peakInFlight, this.inFlight);
				res.once('close', () => this.inFlight--);
			}
			this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent)
					this.send(res, 500, { code: 500, msg: `local server error: ${error.message}` });
			});
		});
		this.server.keepAliveTimeout = 5000;
	}

	addRoutes(routes: Record<string, RouteHandler>): void {
		for (const [key, handler] of Object.entries(routes)) {
			if (!key.includes('{')) {
				this.routes.set(key, handler);
				continue;
			}
			// "GET /a/{id}" → a pattern whose groups fill ctx.params.
			const names: string[] = [];
			const source = key
				.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
				.replace(/\{(\w+)\}/g, (_m, name: string) => {
					names.push(name);
					return '([^/]+)';
				});
			this.patterns.push({ regex: new RegExp(`^${source}$`), names, handler });
		}
	}

	private findRoute(key: string): { route?: RouteHandler; params: Record<string, string> } {
		const exact = this.routes.get(key);
		if (exact) return { route: exact, params: {} };
		for (const pattern of this.patterns) {
			const match = pattern.regex.exec(key);
			if (match) {
				return {
					route: pattern.handler,
					params: Object.fromEntries(
						pattern.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]),
					),
				};
			}
		}
		return { params: {} };
	}

	async listen(): Promise<string> {
		await new Promise<void>((resolve) =>
			this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve),
		);
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.callbacks.stop();
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	setFaults(faults: Fault[]): void {
		this.faults.push(...faults.map((f) => ({ times: 1, ...f })));
	}

	clearFaults(): void {
		this.faults = [];
	}

	resetStats(): void {
		this.stats.received = {};
		this.stats.handled = {};
		this.stats.peakInFlight = 0;
		this.log.length = 0;
	}

	/** Requests received for one route ("POST /v2/alibaba/order/cancel"), or for all API routes. */
	count(key?: string): number {
		if (key) return this.stats.received[key] ?? 0;
		return Object.values(this.stats.received).reduce((a, b) => a + b, 0);
	}

	private send(
		res: ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
	) {
		const text = typeof body === 'string' ? body : stringifyJson(body);
		res.writeHead(status, {
			'Content-Type':
				typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json;charset=UTF-8',
			// This server's clock, moved by clockSkewMs: the connection check reads it.
			Date: new Date(Date.now() + this.clockSkewMs).toUTCString(),
			...SIMULATED_HEADER,
			...headers,
		});
		res.end(text);
	}

	private envelope(
		res: ServerResponse,
		code: number,
		msg: string,
		data: unknown = null,
		status = 200,
	) {
		this.send(res, status, { requestId: requestId(), code, developId: DEVELOP_ID, msg, data });
	}

	private takeFault(method: string, path: string): Fault | undefined {
		const index = this.faults.findIndex(
			(f) =>
				(!f.method || f.method.toUpperCase() === method) &&
				(!f.path ||
					(f.path.endsWith('*') ? path.startsWith(f.path.slice(0, -1)) : f.path === path)),
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		if (fault.after && fault.after > 0) {
			fault.after--;
			return undefined;
		}
		if (fault.times !== -1) {
			fault.times = (fault.times ?? 1) - 1;
			if (fault.times <= 0) this.faults.splice(index, 1);
		}
		return fault;
	}

	/** Runs a request for a fault with apply: its effect happens, its answer is dropped; returns what happened. */
	private applyQuietly(
		req: IncomingMessage,
		key: string,
		route: RouteHandler,
		params: Record<string, string>,
		query: Record<string, string>,
		rawBody: string,
	): string {
		if (this.checkSignature(req)) return ':not-applied(refused)';
		try {
			route({
				query,
				body: rawBody.trim() ? parseJson(rawBody) : undefined,
				store: this.store,
				params,
			});
			this.stats.handled[key] = (this.stats.handled[key] ?? 0) + 1;
			return ':applied';
		} catch (error) {
			return `:not-applied(${(error as Error).message})`;
		}
	}

	/** The signature rule (doc-en.pandapon.com/doc-6055770), with the ±600 s window; returns a refusal message or undefined. */
	checkSignature(req: IncomingMessage): string | undefined {
		const accessKey = header(req, 'access-key');
		const timestamp = header(req, 'timestamp');
		const signature = header(req, 'signature');
		const userId = header(req, 'user-id');
		const nonce = header(req, 'nonce-str');
		const missing = [
			['access-key', accessKey],
			['timestamp', timestamp],
			['user-id', userId],
			['signature', signature],
		].find(([, value]) => !value);
		if (missing) return `缺少请求头 ${missing[0]} (missing header ${missing[0]})`;
		if (accessKey !== this.keys.accessKey) return 'access-key 无效 (unknown access key)';
		if (userId !== this.keys.userId)
			return 'user-id 与 access-key 不匹配 (user-id does not belong to this access key)';
		if (!/^\d{9,14}$/.test(timestamp!))
			return 'timestamp 格式错误 (timestamp must be epoch seconds or milliseconds)';
		const ts = Number(timestamp);
		const seconds = ts >= 1e11 ? ts / 1000 : ts;
		if (Math.abs((Date.now() + this.clockSkewMs) / 1000 - seconds) > TIMESTAMP_WINDOW_S) {
			return `timestamp 已过期 (timestamp is more than ${TIMESTAMP_WINDOW_S} s from server time; check the clock)`;
		}
		if (nonce !== undefined && !/^[A-Za-z0-9]{1,64}$/.test(nonce))
			return 'nonce-str 格式错误 (nonce-str must be alphanumeric)';
		const variant = this.options.signatureVariant;
		if (variant) {
			const digits = variant.timestampUnit === 'milliseconds' ? 13 : 10;
			if (timestamp!.length !== digits)
				return `timestamp 格式错误 (timestamp must be epoch ${variant.timestampUnit})`;
			if (variant.nonce && nonce === undefined)
				return '缺少请求头 nonce-str (missing header nonce-str)';
		}
		// An account that does not sign the nonce ignores the header: the signature is over key + timestamp + secret.
		const signedNonce = variant && !variant.nonce ? '' : (nonce ?? '');
		const expected = computeSignature(accessKey!, timestamp!, signedNonce, this.keys.accessSecret);
		if (signature !== expected) return '签名错误 (signature mismatch)';
		return undefined;
	}

	private async readBody(req: IncomingMessage): Promise<string> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8');
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname.replace(/\/+$/, '') || '/';
		const query = Object.fromEntries(url.searchParams.entries());
		const rawBody = await this.readBody(req);

		if (path.startsWith('/__admin')) {
			if (!this.options.adminFromAnywhere && !isLoopback(req.socket.remoteAddress)) {
				return this.send(res, 403, {
					ok: false,
					error:
						'the admin endpoints answer this machine only (set adminFromAnywhere / PANDAPON_ADMIN_FROM_ANYWHERE=true)',
				});
			}
			const refusal = this.adminRefusal(req, method);
			if (refusal) return this.send(res, 403, { ok: false, error: refusal });
			return this.admin(method, path, rawBody, res);
		}

		const key = `${method} ${path}`;
		const { route, params } = this.findRoute(key);
		this.stats.received[key] = (this.stats.received[key] ?? 0) + 1;
		const entry: LoggedRequest = {
			method,
			path,
			query,
			rawBody,
			headers: Object.fromEntries(
				Object.entries(req.headers).map(([k, v]) => [
					k,
					REDACTED_HEADERS.has(k) ? '[redacted]' : Array.isArray(v) ? v.join(',') : String(v),
				]),
			),
		};
		Object.defineProperty(entry, 'signed', {
			value: { signature: header(req, 'signature'), nonce: header(req, 'nonce-str') },
			enumerable: false,
		});
		this.log.push(entry);
		if (this.log.length > 500) this.log.shift();

		const fault = this.takeFault(method, path);
		if (fault) {
			entry.outcome = `fault:${fault.kind}`;
			if (fault.apply && route && fault.applyAfterMs) {
				entry.outcome += `:applies-in-${fault.applyAfterMs}ms`;
				const timer = setTimeout(() => {
					this.timers.delete(timer);
					entry.outcome += this.applyQuietly(req, key, route, params, query, rawBody);
				}, fault.applyAfterMs);
				this.timers.add(timer);
			} else if (fault.apply && route)
				entry.outcome += this.applyQuietly(req, key, route, params, query, rawBody);
			if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
			switch (fault.kind) {
				case 'reset':
					req.socket.destroy();
					return;
				case 'hang': {
					// Never answers; the timer is tracked so close() ends it with the server.
					await new Promise<void>((resolve) => {
						const timer = setTimeout(resolve, fault.delayMs ?? 60_000);
						this.timers.add(timer);
						req.socket.once('close', () => {
							clearTimeout(timer);
							this.timers.delete(timer);
							resolve();
						});
					});
					req.socket.destroy();
					return;
				}
				case 'status':
					return this.send(res, fault.status ?? 503, {
						code: fault.status ?? 503,
						msg: fault.msg ?? 'Service Unavailable',
					});
				case 'rateLimit':
					return this.send(
						res,
						429,
						{ code: 429, msg: fault.msg ?? '请求过于频繁 (too many requests)' },
						fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {},
					);
				case 'html':
					return this.send(
						res,
						fault.status ?? 502,
						'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
					);
				case 'malformed':
					res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json' });
					res.end('{"requestId":"x","code":200,"data":{"total":3,"data":[{"id":12');
					return;
				case 'code':
					return this.envelope(res, fault.code ?? 500, fault.msg ?? '系统繁忙 (system busy)');
				case 'envelope':
					return this.send(res, 200, fault.envelope ?? {});
				case 'latency':
					break; // then answer normally
			}
		}

		if (!route) {
			entry.outcome = 'not-found';
			return this.envelope(res, 404, `接口不存在 (no such API: ${method} ${path})`, null, 404);
		}
		const refusal = this.checkSignature(req);
		if (refusal) {
			entry.outcome = 'refused';
			return this.envelope(res, 401, refusal);
		}

		// The documented form of this endpoint, field by field and type by type (schemas/wire.ts).
		let mismatch: string | undefined;
		try {
			mismatch =
				method === 'POST'
					? wireMismatch(ENDPOINT_NAMES.get(key), rawBody.trim() ? rawBody : '{}')
					: undefined;
		} catch {
			mismatch = undefined; // not JSON: refused just below
		}
		if (mismatch) {
			entry.outcome = 'invalid';
			return this.envelope(res, 400, `参数错误 (${mismatch})`);
		}

		let body: unknown = undefined;
		if (rawBody.trim()) {
			try {
				body = parseJson(rawBody);
			} catch {
				entry.outcome = 'bad-json';
				return this.envelope(res, 400, '请求体不是合法的 JSON (request body is not valid JSON)');
			}
		}
		try {
			const data = route({ query, body, store: this.store, params });
			this.stats.handled[key] = (this.stats.handled[key] ?? 0) + 1;
			entry.outcome = 'ok';
			return this.envelope(res, 200, '成功', data === undefined ? null : data);
		} catch (error) {
			if (error instanceof ValidationError) {
				entry.outcome = 'invalid';
				return this.envelope(res, 400, error.message);
			}
			if (error instanceof BusinessError) {
				entry.outcome = 'business-error';
				return this.envelope(res, error.code, error.message);
			}
			throw error;
		}
	}

	/**
	 * The admin endpoints can pay, ship, refund and sign pushes to any URL, so a web page open on this machine must
	 * not drive them: the Host must be this machine (or a configured name: no DNS rebinding), an Origin (sent by
	 * browsers) must be too, a browser's cross-site fetch is refused, and a POST must say it is JSON (a cross-site
	 * form or text/plain "simple request" cannot).
	 */
	private adminRefusal(req: IncomingMessage, method: string): string | undefined {
		const allowed = new Set([
			'localhost',
			'127.0.0.1',
			'::1',
			...(this.options.adminHosts ?? []).map((h) => h.toLowerCase()),
		]);
		const hostOf = (value: string) =>
			value
				.toLowerCase()
				.replace(/^\[|\](:\d+)?$/g, '')
				.replace(/:\d+$/, '');
		const host = header(req, 'host');
		if (
			!this.options.adminFromAnywhere &&
			(!host || !(allowed.has(hostOf(host)) || /^127\./.test(hostOf(host))))
		) {
			return `the admin endpoints answer requests for this machine only (Host: ${host ?? 'none'})`;
		}
		const origin = header(req, 'origin');
		if (origin !== undefined) {
			let originHost = '';
			try {
				originHost = new URL(origin).hostname.replace(/^\[|\]$/g, '').toLowerCase();
			} catch {
				originHost = '';
			}
			if (!(allowed.has(originHost) || /^127\./.test(originHost)))
				return `the admin endpoints refuse requests from web pages of other sites (Origin: ${origin})`;
		}
		if (header(req, 'sec-fetch-site') === 'cross-site')
			return 'the admin endpoints refuse cross-site requests';
		if (method === 'POST' && !/^application\/json\b/i.test(header(req, 'content-type') ?? '')) {
			return 'the admin endpoints take JSON only (Content-Type: application/json)';
		}
		return undefined;
	}

	private listSettings(body: Record<string, unknown>) {
		if (body.lagMs !== undefined) this.store.listLagMs = Number(body.lagMs) || 0;
		if (body.order === 'created' || body.order === 'updated') this.store.listOrder = body.order;
		if (body.maxPageSize !== undefined)
			this.store.maxPageSize = Number(body.maxPageSize) || undefined;
		const { listLagMs: lagMs, listOrder: order, maxPageSize } = this.store;
		return { lagMs, order, maxPageSize };
	}

	private admin(method: string, path: string, rawBody: string, res: ServerResponse): void {
		let body: Record<string, unknown> = {};
		try {
			body = rawBody.trim() ? (parseJson(rawBody) as Record<string, unknown>) : {};
		} catch {
			return this.send(res, 400, { ok: false, error: 'body is not JSON' });
		}
		const ok = (data: unknown = {}) => this.send(res, 200, { ok: true, ...(data as object) });
		const orderMatch = /^\/__admin\/orders\/(\d+)\/(pay|ship|receive|cancel|price|refund)$/.exec(
			path,
		);
		try {
			if (method === 'GET' && path === '/__admin/health') return ok({ orders: this.store.size });
			if (method === 'GET' && path === '/__admin/stats')
				return ok({ ...this.stats, total: this.count() });
			if (method === 'DELETE' && path === '/__admin/stats') return (this.resetStats(), ok());
			if (method === 'GET' && path === '/__admin/requests') return ok({ requests: this.log });
			if (method === 'POST' && path === '/__admin/faults') {
				const faults = (Array.isArray(body.faults) ? body.faults : [body]) as Fault[];
				this.setFaults(faults);
				return ok({ faults: this.faults });
			}
			if (method === 'DELETE' && path === '/__admin/faults') return (this.clearFaults(), ok());
			if (method === 'GET' && path === '/__admin/catalog')
				return ok({ offers: this.store.catalog.offers });
			if (method === 'POST' && path === '/__admin/clock')
				return (
					(this.clockSkewMs = this.store.clockSkewMs = Number(body.skewMs ?? 0)),
					ok({ skewMs: this.clockSkewMs })
				);
			// How the order list behaves: its lag behind the orders, its sort, its largest page.
			if (method === 'POST' && path === '/__admin/list') return ok(this.listSettings(body));
			// A stand-in for a chat webhook (Slack, Teams …): the example workflows post their notices here.
			if (method === 'POST' && path === '/__admin/inbox')
				return (this.inbox.push(body), ok({ count: this.inbox.length }));
			if (method === 'GET' && path === '/__admin/inbox') return ok({ messages: this.inbox });
			if (method === 'DELETE' && path === '/__admin/inbox') return ((this.inbox.length = 0), ok());
			if (method === 'POST' && orderMatch) {
				const [, id, action] = orderMatch;
				if (action === 'pay') this.store.pay(id);
				if (action === 'ship') this.store.ship(id);
				if (action === 'receive') this.store.confirmReceipt(id, undefined);
				if (action === 'cancel') this.store.cancel(id, String(body.reason ?? 'buyerCancel'));
				if (action === 'price') {
					this.store.modifyPrice(id, Number(body.shippingFee ?? 0), Number(body.discount ?? 0));
				}
				if (action === 'refund') {
					const refundId = String(body.refundId ?? `TQ${Date.now()}${id.slice(-6)}`);
					const amount = Number(body.amount ?? 0);
					this.store.refund(id, refundId, amount);
					// The refund is readable like one the after-sale endpoints opened (refund info).
					const at = new Date().toISOString();
					stateOf(this.store).refunds.set(refundId, {
						...{ id: refundId, refundId, orderId: id, applyPayment: amount, applyCarriage: 0 },
						...{ createTime: at, updateTime: at, status: 'waitsellerwork' },
					});
				}
				return ok({ orderId: id });
			}
			if (path.startsWith('/__admin/callback') || path === '/__admin/push') {
				return ok(this.callbacks.admin(method, path, body));
			}
		} catch (error) {
			return this.send(res, 409, { ok: false, error: (error as Error).message });
		}
		return this.send(res, 404, { ok: false, error: `no admin endpoint ${method} ${path}` });
	}
}

export async function startServer(options: ServerOptions = {}): Promise<PandaPonServer> {
	const server = new PandaPonServer(options);
	await server.listen();
	return server;
}
