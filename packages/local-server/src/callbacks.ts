/**
 * Pushes PandaPon message callbacks (doc-cnv2.pandapon.com/doc-6521894) to a registered URL: one push per order event, in the
 * production envelope, retried on anything but HTTP 200 (production retries every 30 min, 5 times; here the
 * delays are short and configurable). Admin: register the URL, push any message on demand, read deliveries.
 */
import http from 'http';
import https from 'https';
import { URL } from 'url';

import { compactPushBody, orderDetailView } from './views';
import type { Order, OrderEventType, OrderStore } from './store';
import { stringifyJson } from '../../../nodes/PandaPon/model/json';
import { signPush } from '../../../nodes/PandaPon/model/pushSignature';

/**
 * How a push is signed: as PandaPon does (default), not at all, with another secret (a forgery), a given header, or
 * with the real secret by another recipe (the docs leave the signed Base cut off: these are the plausible others).
 */
export type PushSigning =
	| { kind: 'valid' }
	| { kind: 'none' }
	| { kind: 'secret'; secret: string }
	| { kind: 'header'; value: string }
	| { kind: 'recipe'; recipe: 'bodyAndTimestamp' | 'base64' | 'bodyWithoutBom' };

/** Options of one push: a UTF-8 byte-order mark before the body (signed over the bytes sent). */
export interface PushShape {
	bom?: boolean;
}

export interface PushMessage {
	messageType: string;
	messagePlatform: number;
	timestamp: string;
	messageBody: unknown;
}

export interface Delivery {
	message: PushMessage;
	attempts: Array<{ at: number; status: number | string; ms: number }>;
	delivered: boolean;
}

export const DEFAULT_RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

export class CallbackPusher {
	url: string | undefined;
	readonly deliveries: Delivery[] = [];
	private readonly retryDelaysMs: number[];
	private readonly timers = new Set<NodeJS.Timeout>();
	private stopped = false;

	private readonly secret: string;

	constructor(
		store: OrderStore,
		options: { url?: string; retryDelaysMs?: number[]; accessSecret?: string } = {},
	) {
		this.url = options.url;
		this.secret = options.accessSecret ?? '';
		this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
		store.on('event', (type: OrderEventType, order: Order, refundId?: string) => {
			if (this.url) void this.push(CallbackPusher.fromOrder(type, order, refundId));
		});
	}

	/** The production envelope for an order event (1688 platform, type with the 1688_ prefix). */
	static fromOrder(type: OrderEventType, order: Order, refundId?: string): PushMessage {
		const messageBody =
			type === 'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY'
				? orderDetailView(order) // documented: the 1688 order-detail object, as an object
				: type === 'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND'
					? JSON.stringify({
							refundId,
							orderId: order.tbOrderId,
							refundAmount: order.refundAmountFen,
						})
					: compactPushBody(order);
		return {
			messageType: `1688_${type}`,
			messagePlatform: 1,
			timestamp: String(Date.now()),
			messageBody,
		};
	}

	stop(): void {
		this.stopped = true;
		for (const timer of this.timers) clearTimeout(timer);
	}

	/**
	 * Posts a message (or a raw body string, for malformed-input tests) and retries on failure. Signed as PandaPon
	 * signs (Authorization: hex HMAC-SHA256 of the body with the Access Secret) unless told otherwise.
	 */
	push(
		message: PushMessage | string,
		target = this.url,
		signing: PushSigning = { kind: 'valid' },
		shape: PushShape = {},
	): Promise<Delivery> {
		const delivery: Delivery = {
			message: typeof message === 'string' ? ({ raw: message } as unknown as PushMessage) : message,
			attempts: [],
			delivered: false,
		};
		this.deliveries.push(delivery);
		const text = typeof message === 'string' ? message : stringifyJson(message);
		const body = shape.bom ? `\uFEFF${text}` : text;
		const authorization =
			signing.kind === 'valid'
				? signPush(body, this.secret)
				: signing.kind === 'secret'
					? signPush(body, signing.secret)
					: signing.kind === 'header'
						? signing.value
						: signing.kind === 'recipe'
							? otherRecipe(
									signing.recipe,
									body,
									text,
									typeof message === 'string' ? '' : message.timestamp,
									this.secret,
								)
							: undefined;
		return new Promise((resolve) => {
			const attempt = (n: number) => {
				if (this.stopped || !target) return resolve(delivery);
				const started = Date.now();
				post(target, body, authorization).then((status) => {
					delivery.attempts.push({ at: started, status, ms: Date.now() - started });
					if (status === 200) {
						delivery.delivered = true;
						return resolve(delivery);
					}
					if (n >= this.retryDelaysMs.length) return resolve(delivery);
					const timer = setTimeout(() => {
						this.timers.delete(timer);
						attempt(n + 1);
					}, this.retryDelaysMs[n]);
					this.timers.add(timer);
				});
			};
			attempt(0);
		});
	}

	admin(method: string, path: string, body: Record<string, unknown>): Record<string, unknown> {
		if (method === 'POST' && path === '/__admin/callback') {
			this.url = body.url ? String(body.url) : undefined;
			return { url: this.url ?? null };
		}
		if (method === 'GET' && path === '/__admin/callback') return { url: this.url ?? null };
		if (method === 'GET' && path === '/__admin/callbacks') return { deliveries: this.deliveries };
		if (method === 'DELETE' && path === '/__admin/callbacks') {
			this.deliveries.length = 0;
			return {};
		}
		if (method === 'POST' && path === '/__admin/push') {
			// Push on demand: { message } (an envelope) or { raw } (any text), signed unless { signing } says
			// otherwise ({kind: "none"} or {kind: "secret", secret}); fire and forget.
			const message = body.raw !== undefined ? String(body.raw) : (body.message as PushMessage);
			void this.push(
				message,
				body.url ? String(body.url) : this.url,
				(body.signing as PushSigning) ?? { kind: 'valid' },
				{ bom: body.bom === true },
			);
			return { queued: true };
		}
		throw new Error(`no admin endpoint ${method} ${path}`);
	}
}

/** The real secret, another Base or encoding: what a push looks like if PandaPon's recipe is not ours. */
function otherRecipe(
	recipe: 'bodyAndTimestamp' | 'base64' | 'bodyWithoutBom',
	body: string,
	text: string,
	timestamp: string,
	secret: string,
): string {
	if (recipe === 'bodyAndTimestamp') return signPush(`${text}${timestamp}`, secret);
	if (recipe === 'base64') return Buffer.from(signPush(body, secret), 'hex').toString('base64');
	return signPush(text, secret);
}

/** One POST with a 5 s cap; resolves the HTTP status or the network error code. */
function post(target: string, body: string, authorization?: string): Promise<number | string> {
	return new Promise((resolve) => {
		const url = new URL(target);
		const client = url.protocol === 'https:' ? https : http;
		const req = client.request(
			url,
			{
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(body),
					...(authorization === undefined ? {} : { Authorization: authorization }),
				},
				timeout: 5000,
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('timeout', () => req.destroy(new Error('ETIMEDOUT')));
		req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
		req.end(body);
	});
}
