/**
 * Lossless JSON for PandaPon: 1688/Taobao ids have 19 digits and do not fit a JS number.
 *
 * - parseJson: integers beyond Number.MAX_SAFE_INTEGER become their exact digit strings.
 * - stringifyJson: a JsonInteger (from jsonInteger('2542285634920880794')) is written as the bare JSON number.
 *
 * Parsing is one scanner on every Node version. Writing uses JSON.rawJSON where Node has it (>= 22, every n8n
 * that runs this package); older Node writes a placeholder and swaps it for the digits.
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

type RawJsonJSON = { rawJSON?: (text: string) => unknown };

const INTEGER = /^-?\d+$/;
const NATIVE_JSON = JSON as unknown as RawJsonJSON;
const nativeRawSupported = typeof NATIVE_JSON.rawJSON === 'function';

function unsafeInteger(source: string): boolean {
	return INTEGER.test(source) && !Number.isSafeInteger(Number(source));
}

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;

/** True for the characters a JSON number literal is made of: digits . e E + - */
function numberChar(code: number): boolean {
	return (
		(code >= 48 && code <= 57) ||
		code === 46 ||
		code === 101 ||
		code === 69 ||
		code === 43 ||
		code === 45
	);
}

/**
 * Parse JSON text; integers that a JS number would round come back as exact strings.
 *
 * One scan quotes every unsafe integer literal outside strings, then JSON.parse does the rest (and still rejects
 * what is not JSON: a number in key position is left alone). Measured faster than JSON.parse's source-text
 * reviver on Node 24, which calls back for every value of the answer (bench: 1.6 ms vs 5.8 ms for 100 orders).
 */
export function parseJson(text: string): unknown {
	return scan(text, false);
}

// Random per process, so no JSON text can imitate it.
const TYPED_MARK = `__pandapon_typed_${randomBytes(8).toString('hex')}__`;

/**
 * Parse JSON keeping the JSON type of every integer: each integer literal (any size) becomes a JsonInteger, so a
 * caller can tell `75` from `"75"`. Floats stay numbers. Used to check request bodies against the documented
 * wire types (the local server, and the node before it sends).
 */
export function parseJsonTyped(text: string): unknown {
	return scan(text, true);
}

function scan(text: string, typed: boolean): unknown {
	let out = '';
	let copied = 0;
	const n = text.length;
	for (let i = 0; i < n; ) {
		const code = text.charCodeAt(i);
		if (code === QUOTE) {
			// Skip the string: the next quote not escaped by an odd run of backslashes ends it.
			let end = n;
			for (let from = i + 1; ; ) {
				const q = text.indexOf('"', from);
				if (q < 0) break;
				let b = q - 1;
				while (b > i && text.charCodeAt(b) === BACKSLASH) b--;
				if ((q - 1 - b) % 2 === 0) {
					end = q;
					break;
				}
				from = q + 1;
			}
			i = end + 1;
			continue;
		}
		if (code === 45 || (code >= 48 && code <= 57)) {
			let j = i + 1;
			while (j < n && numberChar(text.charCodeAt(j))) j++;
			// Untyped: only unsafe integers are quoted (MAX_SAFE_INTEGER has 16 digits, shorter ones are exact).
			const token = typed || j - i >= 16 ? text.slice(i, j) : '';
			if (token && (typed ? INTEGER.test(token) : unsafeInteger(token))) {
				let next = j;
				while (next < n && text.charCodeAt(next) <= 32) next++;
				if (text.charCodeAt(next) !== COLON) {
					out += `${text.slice(copied, i)}"${typed ? TYPED_MARK : ''}${token}"`;
					copied = j;
				}
			}
			i = j;
			continue;
		}
		i++;
	}
	const source = copied === 0 ? text : out + text.slice(copied);
	if (!typed) return JSON.parse(source);
	return JSON.parse(source, (_key, value: unknown) =>
		typeof value === 'string' && value.startsWith(TYPED_MARK)
			? new JsonInteger(value.slice(TYPED_MARK.length))
			: value,
	);
}

// Random per process, so no user text can imitate it; only used on Node < 22 (no JSON.rawJSON).
const PLACEHOLDER = `__pandapon_int_${randomBytes(8).toString('hex')}__`;
const PLACEHOLDER_VALUE = new RegExp(`"${PLACEHOLDER}(-?\\d+)"`, 'g');

export function stringifyJsonFallback(value: unknown): string {
	let tagged = false;
	const text = JSON.stringify(value, (_key, v: unknown) => {
		if (!(v instanceof JsonInteger)) return v;
		tagged = true;
		return `${PLACEHOLDER}${v.digits}`;
	});
	return text === undefined || !tagged ? text : text.replace(PLACEHOLDER_VALUE, '$1');
}

function stringifyNative(value: unknown): string {
	const rawJSON = NATIVE_JSON.rawJSON as (text: string) => unknown;
	return JSON.stringify(value, (_key, v: unknown) =>
		v instanceof JsonInteger ? rawJSON(v.digits) : v,
	);
}

/** Stringify; JsonInteger values are written as bare JSON numbers with every digit intact. */
export const stringifyJson: (value: unknown) => string = nativeRawSupported
	? stringifyNative
	: stringifyJsonFallback;

/** Which implementation this runtime uses (shown in tests and diagnostics). */
export const losslessJsonImplementation = nativeRawSupported ? 'native' : 'fallback';
