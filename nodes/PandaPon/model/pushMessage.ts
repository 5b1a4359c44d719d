/**
 * PandaPon push messages (doc-cnv2.pandapon.com/doc-6521894): the envelope schema, the known types, parsing, filtering and the
 * duplicate key. Pure functions shared by the trigger node and the tests.
 */
import { createHash } from 'crypto';
import { z } from 'zod';

import { parseJson, stringifyJson } from './json';

/** Base types (without the 1688_/TAOBAO_ prefix they arrive with). Only the price change is documented. */
export const MESSAGE_TYPES = [
	{ value: 'ORDER_CREATE', name: 'Order Created' },
	{ value: 'ORDER_CANCEL', name: 'Order Cancelled' },
	{ value: 'ORDER_PAY_SUCCESS', name: 'Order Paid' },
	{ value: 'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', name: 'Price Changed by Seller' },
	{ value: 'ORDER_BUYER_VIEW_ORDER_BUYER_REFUND', name: 'Refund Requested or Changed' },
] as const;

/** The event value of pushes that do not fit the documented envelope (kept, never dropped). */
export const NOT_UNDERSTOOD = 'NOT_UNDERSTOOD';

const PREFIX = /^(1688|TAOBAO)_/i;

export const baseType = (messageType: string) =>
	messageType.trim().replace(PREFIX, '').toUpperCase();

export const envelopeSchema = z.object({
	messageType: z
		.string({ required_error: 'messageType is required' })
		.trim()
		.min(1, 'messageType is empty'),
	messagePlatform: z
		.union([z.number(), z.string()])
		.transform((v) => Number(v))
		.pipe(
			z.union([z.literal(0), z.literal(1)], {
				errorMap: () => ({ message: 'messagePlatform must be 0 (Taobao) or 1 (1688)' }),
			}),
		),
	timestamp: z.union([z.string(), z.number()]).optional(),
	messageBody: z.union([z.record(z.unknown()), z.array(z.unknown()), z.string()], {
		errorMap: () => ({ message: 'messageBody must be an object or a JSON string' }),
	}),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export interface ParsedMessage {
	type: string;
	messageType: string | null;
	/** null when a push did not say (not understood). */
	platform: '1688' | 'taobao' | null;
	pushedAt: string | null;
	body: unknown;
	raw: unknown;
}

/** Deeper JSON than this is no PandaPon message, and is not parsed (a parser or a key over it would recurse that deep). */
export const MAX_JSON_DEPTH = 100;

/** How deeply a JSON text nests its objects and arrays (strings skipped), without parsing it. */
export function jsonDepth(text: string): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92)
				i++; // backslash: skip the escaped character
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
		else if (c === 125 || c === 93) depth--;
	}
	return deepest;
}

/**
 * A push that does not fit the documented envelope, as an item: flagged, the raw text kept, the body parsed
 * losslessly when it is JSON (19-digit ids exact).
 */
export function notUnderstoodItem(rawBody: string, reason: string, signature: string) {
	let body: unknown = rawBody;
	try {
		if (jsonDepth(rawBody) <= MAX_JSON_DEPTH) body = parseJson(rawBody);
	} catch {
		// kept as text
	}
	return {
		type: NOT_UNDERSTOOD,
		messageType: null,
		platform: null,
		pushedAt: null,
		body,
		raw: body,
		understood: false,
		reason,
		rawBody,
		signature,
	} satisfies ParsedMessage & Record<string, unknown>;
}

export type ParseOutcome =
	| { kind: 'message'; message: ParsedMessage; envelope: Envelope }
	| { kind: 'verify' }
	| { kind: 'invalid'; reason: string };

/** Epoch seconds, epoch ms or a date string → ISO, else null. */
export function pushTime(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const text = String(value).trim();
	let ms: number;
	if (/^\d+$/.test(text)) ms = text.length <= 10 ? Number(text) * 1000 : Number(text);
	else
		ms = Date.parse(
			text.includes('T') || text.includes('+') ? text : `${text.replace(' ', 'T')}+08:00`,
		);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** How far ahead of this machine's clock a push's timestamp may be (clock drift) before it counts as forged. */
export const FUTURE_SLACK_MS = 10 * 60_000;

/**
 * Whether a push's signed envelope timestamp is within the window (true), older than it or far in the future
 * (false: a captured push replayed), or missing / unreadable (null).
 */
export function isFresh(timestamp: unknown, now: number, windowMs: number): boolean | null {
	const iso = pushTime(timestamp);
	if (!iso) return null;
	const at = Date.parse(iso);
	return now - at <= windowMs && at - now <= FUTURE_SLACK_MS;
}

/** Why a JSON object that is not a PandaPon envelope was not understood (it still reaches the workflow, flagged). */
export const NO_ENVELOPE = 'no messageType or messageBody';

/**
 * Reads a raw request body. Only an empty body is the console's Verify call; JSON without messageType/messageBody,
 * text that is not JSON, or an envelope that does not hold together, is invalid (with the reason).
 */
export function parseMessage(rawBody: string): ParseOutcome {
	if (rawBody.trim() === '') return { kind: 'verify' };
	if (jsonDepth(rawBody) > MAX_JSON_DEPTH)
		return { kind: 'invalid', reason: `JSON nested more than ${MAX_JSON_DEPTH} levels deep` };
	let json: unknown;
	try {
		json = parseJson(rawBody);
	} catch {
		return { kind: 'invalid', reason: 'body is not JSON' };
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return { kind: 'invalid', reason: 'body is not a JSON object' };
	}
	const record = json as Record<string, unknown>;
	if (!('messageType' in record) && !('messageBody' in record))
		return { kind: 'invalid', reason: NO_ENVELOPE };
	const result = envelopeSchema.safeParse(record);
	if (!result.success)
		return { kind: 'invalid', reason: result.error.issues.map((i) => i.message).join('; ') };
	const envelope = result.data;
	let body: unknown = envelope.messageBody;
	if (typeof body === 'string') {
		if (jsonDepth(body) > MAX_JSON_DEPTH)
			return {
				kind: 'invalid',
				reason: `messageBody nested more than ${MAX_JSON_DEPTH} levels deep`,
			};
		try {
			body = body.trim() === '' ? {} : parseJson(body);
		} catch {
			return { kind: 'invalid', reason: 'messageBody is a string that is not JSON' };
		}
	}
	return {
		kind: 'message',
		envelope,
		message: {
			type: baseType(envelope.messageType),
			messageType: envelope.messageType,
			platform: envelope.messagePlatform === 1 ? '1688' : 'taobao',
			pushedAt: pushTime(envelope.timestamp),
			body,
			raw: record,
		},
	};
}

export interface MessageFilter {
	/** Base types; '*' = any. */
	events: string[];
	otherTypes: string[];
	platform: 'any' | '1688' | 'taobao';
}

export function matches(message: ParsedMessage, filter: MessageFilter): boolean {
	// A push that did not say its marketplace passes the marketplace filter rather than being lost.
	if (
		filter.platform !== 'any' &&
		message.platform !== null &&
		message.platform !== filter.platform
	)
		return false;
	if (filter.events.includes('*')) return true;
	const wanted = new Set([...filter.events, ...filter.otherTypes].map(baseType));
	return wanted.has(message.type);
}

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value as object)
				.sort()
				.map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
		);
	}
	return value;
}

/** Same type + platform + body (key order ignored) = same message; the push timestamp is left out on purpose. */
export function duplicateKey(message: ParsedMessage): string {
	return createHash('sha256')
		.update(`${message.type}|${message.platform}|${stringifyJson(canonical(message.body))}`)
		.digest('hex');
}

/**
 * Who vouches for a push, for the duplicate store: its signature checked out (verified), nothing could be checked
 * (unchecked: no credential, or the check is off), or it failed the check (unverified). Each class has its own
 * store, so a forged copy sent first can never make the authentic push look like a duplicate, and a flood of
 * forgeries can only evict forgeries.
 */
export type SightingClass = 'verified' | 'unchecked' | 'unverified';

/** Entries per class (a key is 32 hex characters and a time: about 50 bytes in static data, so ≤ 0.53 MB in all). */
export const SIGHTING_CAPS: Record<SightingClass, number> = {
	verified: 5000,
	unchecked: 5000,
	unverified: 500,
};

export const sightingClass = (signature: string): SightingClass =>
	signature === 'valid' ? 'verified' : signature === 'unchecked' ? 'unchecked' : 'unverified';

/** Whether a key was seen within the window (expired keys are dropped). Mutates `seen` only to drop them. */
export function seenWithin(
	seen: Record<string, number>,
	key: string,
	now: number,
	windowMs: number,
): boolean {
	for (const [k, at] of Object.entries(seen)) if (now - at > windowMs) delete seen[k];
	return seen[key] !== undefined;
}

/** Remembers keys for a window; returns true the first time a key is seen in it. Mutates `seen`. */
export function firstSighting(
	seen: Record<string, number>,
	key: string,
	now: number,
	windowMs: number,
	maxEntries = 20_000,
): boolean {
	if (seenWithin(seen, key, now, windowMs)) return false;
	seen[key] = now;
	const keys = Object.keys(seen);
	if (keys.length > maxEntries) {
		keys
			.sort((a, b) => seen[a] - seen[b])
			.slice(0, keys.length - maxEntries)
			.forEach((k) => delete seen[k]);
	}
	return true;
}
