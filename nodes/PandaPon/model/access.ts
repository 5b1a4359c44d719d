/**
 * What a request path does, read from the endpoint table: a known read, a known write, or unknown. Pure (no n8n
 * calls), so the credential's signing, the Signed API Call and the transport all judge a path the same way, after
 * normalising it the way a server would (`..`, `.`, `//`, percent-encoding, a query or fragment, a trailing slash).
 */
import { ENDPOINTS, type Access } from './endpoints';

/** A path the server would treat as the same as `raw`; null when it cannot be read as a path at all. */
export function normalisePath(raw: string): string | null {
	let path = String(raw ?? '').trim();
	// A full URL: keep its path only.
	const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
	if (absolute) path = path.slice(absolute[0].length);
	path = path.split(/[?#]/, 1)[0];
	// Decode until stable (double encoding such as %252e), so an encoded "../" or "/" is judged as what it becomes.
	for (let round = 0; round < 5; round++) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(path);
		} catch {
			return null;
		}
		if (decoded === path) break;
		path = decoded;
	}
	// Still encoded after five rounds, or holding control characters or backslashes: not a path to judge.
	if (/%[0-9a-f]{2}/i.test(path) || [...path].some((c) => c.charCodeAt(0) < 32 || c === '\\'))
		return null;
	const segments: string[] = [];
	for (const segment of path.split('/')) {
		if (segment === '' || segment === '.') continue;
		// Matrix parameters (";jsessionid=…") are dropped by servers such as Tomcat before routing.
		const name = segment.split(';', 1)[0];
		if (name === '..') segments.pop();
		else if (name !== '') segments.push(name);
	}
	return `/${segments.join('/')}`;
}

/**
 * "/v2/taobao/order/refund/cancel/{refundId}" → a pattern matching any one segment in the braces, after any prefix
 * (a Base URL behind a proxy adds one), so a write is recognised wherever the path is mounted.
 */
const patternOf = (path: string) =>
	new RegExp(
		`^(?:/.*)?${path
			.toLowerCase()
			.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
			.replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`,
	);

// Without the version: PandaPon serves most calls as v1 and v2 (/alibaba/order/cancel, /v2/alibaba/order/cancel), and
// the prefix match above lets either through.
const TABLE = Object.values(ENDPOINTS).map((e) => ({
	method: e.method as string,
	access: e.access as Access,
	pattern: patternOf(e.path.replace(/^\/v2(?=\/)/, '')),
}));

/**
 * The access of a path (any method when `method` is omitted): 'write' when any endpoint at that path writes,
 * 'read' when it is a known read for that method, undefined when the table does not know it. Case-insensitive:
 * a server that routes case-insensitively must not turn a write into an unknown.
 */
export function accessOfPath(path: string, method?: string): Access | undefined {
	const normal = normalisePath(path);
	if (normal === null) return undefined;
	const lower = normal.toLowerCase();
	const matches = TABLE.filter((e) => e.pattern.test(lower));
	if (matches.some((e) => e.access === 'write')) return 'write';
	const m = method?.toUpperCase();
	if (matches.some((e) => e.access === 'read' && (!m || e.method === m))) return 'read';
	return undefined;
}

/** True when the path, however written, reaches an endpoint that orders, pays, cancels or changes something. */
export const isKnownWritePath = (path: string): boolean => accessOfPath(path) === 'write';

/** What the Read Only rule needs to know of a request: its declared access when it has one, else its path and method. */
export interface AccessQuestion {
	access?: Access;
	path: string;
	method?: string;
}

/**
 * The one Read Only rule (the credential's signing, the transport and the action node's router all ask it): a
 * request with a declared access is refused when it writes; one without (the Signed API Call, n8n's HTTP Request
 * node) goes out only when its path, normalised, is a read the endpoint table knows for its method.
 */
export function readOnlyRefuses(request: AccessQuestion): boolean {
	if (request.access) return request.access === 'write';
	return accessOfPath(request.path, request.method) !== 'read';
}

/** Whether the credential's Access setting (a safety setting, declared in the credential) is Read Only. */
export const isReadOnlyCredential = (data: { access?: unknown } | undefined): boolean =>
	data?.access === 'readOnly';
