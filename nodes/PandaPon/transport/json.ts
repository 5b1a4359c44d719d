/**
 * Lossless JSON for PandaPon: 1688/Taobao ids have 19 digits and do not fit a JS number.
 *
 * - parseJson: integers beyond Number.MAX_SAFE_INTEGER become their exact digit strings.
 * - stringifyJson: a JsonInteger (from jsonInteger('2542285634920880794')) is written as the bare JSON number.
 *
 * Node >= 22 (every n8n that runs this package) has the built-ins for both (JSON.parse's reviver context and
 * JSON.rawJSON); on older Node a small scanner/placeholder fallback does the same job.
 */
import { randomBytes } from 'crypto';

/** A JSON integer held as its digits, written unquoted by stringifyJson. */
export class JsonInteger {
	constructor(readonly digits: string) {
		if (!/^-?\d+$/.test(digits)) throw new TypeError(`Not an integer: "${digits}"`);
	}

	/** In outputs and messages an id reads as its digits. */
	toString(): string {
		return this.digits;
	}
}

export const jsonInteger = (digits: string | number) => new JsonInteger(String(digits));

type ReviverContext = { source?: string };
type RawJsonJSON = { rawJSON?: (text: string) => unknown };

const INTEGER = /^-?\d+$/;
const NATIVE_JSON = JSON as unknown as RawJsonJSON;

const nativeParseSupported = (() => {
	try {
		return (
			JSON.parse('1', (_k: string, v: unknown, ctx?: ReviverContext) => ctx?.source ?? v) === '1'
		);
	} catch {
		return false;
	}
})();
const nativeRawSupported = typeof NATIVE_JSON.rawJSON === 'function';

function unsafeInteger(source: string): boolean {
	return INTEGER.test(source) && !Number.isSafeInteger(Number(source));
}

function parseNative(text: string): unknown {
	return JSON.parse(text, (_key: string, value: unknown, ctx?: ReviverContext) =>
		typeof value === 'number' && ctx?.source !== undefined && unsafeInteger(ctx.source)
			? ctx.source
			: value,
	);
}

/**
 * Fallback for Node < 22: quote unsafe integer literals in value positions, then JSON.parse. Keys and
 * malformed text are left alone, so JSON.parse still rejects what is not JSON.
 */
export function parseJsonFallback(text: string): unknown {
	let out = '';
	let copied = 0;
	const containers: string[] = []; // '{' or '['
	let expectKey = false;
	for (let i = 0; i < text.length; ) {
		const ch = text[i];
		if (ch === '"') {
			let j = i + 1;
			while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
			i = j + 1;
			expectKey = false;
			continue;
		}
		if (ch === '{' || ch === '[') {
			containers.push(ch);
			expectKey = ch === '{';
		} else if (ch === '}' || ch === ']') {
			containers.pop();
			expectKey = false;
		} else if (ch === ',') {
			expectKey = containers[containers.length - 1] === '{';
		} else if (ch === ':') {
			expectKey = false;
		} else if (ch === '-' || (ch >= '0' && ch <= '9')) {
			let j = i + 1;
			while (j < text.length && /[0-9eE.+-]/.test(text[j])) j++;
			const token = text.slice(i, j);
			if (!expectKey && unsafeInteger(token)) {
				out += `${text.slice(copied, i)}"${token}"`;
				copied = j;
			}
			i = j;
			continue;
		}
		i++;
	}
	return JSON.parse(out + text.slice(copied));
}

export function stringifyJsonFallback(value: unknown): string {
	const tag = `__pandapon_int_${randomBytes(8).toString('hex')}__`;
	const text = JSON.stringify(value, (_key, v: unknown) =>
		v instanceof JsonInteger ? `${tag}${v.digits}` : v,
	);
	return text === undefined ? text : text.replace(new RegExp(`"${tag}(-?\\d+)"`, 'g'), '$1');
}

function stringifyNative(value: unknown): string {
	const rawJSON = NATIVE_JSON.rawJSON as (text: string) => unknown;
	return JSON.stringify(value, (_key, v: unknown) =>
		v instanceof JsonInteger ? rawJSON(v.digits) : v,
	);
}

/** Parse JSON text; integers that a JS number would round come back as exact strings. */
export const parseJson: (text: string) => unknown = nativeParseSupported
	? parseNative
	: parseJsonFallback;

/** Stringify; JsonInteger values are written as bare JSON numbers with every digit intact. */
export const stringifyJson: (value: unknown) => string = nativeRawSupported
	? stringifyNative
	: stringifyJsonFallback;

/** Which implementation this runtime uses (shown in tests and diagnostics). */
export const losslessJsonImplementation = nativeParseSupported && nativeRawSupported ? 'native' : 'fallback';
