/**
 * PandaPon request signing (doc-en.pandapon.com/doc-6055770 lists the signed headers; the order they are joined in is not published): signature = UPPERCASE(hex(MD5(accessKey + timestamp + nonce + secret))).
 * user-id is sent but not signed. Body, path and query are not signed. Pure functions, shared by the credential,
 * the trigger's optional check and the local server.
 */
import { createHash, randomInt } from 'crypto';

export const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const NONCE_LENGTH = 32;

export type TimestampUnit = 'seconds' | 'milliseconds';

export interface SigningKeys {
	accessKey: string;
	accessSecret: string;
	userId: string;
	timestampUnit?: TimestampUnit;
	/** false = the unverified no-nonce variant: no nonce-str header, signs accessKey + timestamp + secret. */
	signNonce?: boolean;
}

/** 32 random alphanumerics from a CSPRNG (crypto.randomInt is uniform, no modulo bias). */
export function createNonce(length = NONCE_LENGTH): string {
	let nonce = '';
	for (let i = 0; i < length; i++) nonce += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
	return nonce;
}

export function computeSignature(
	accessKey: string,
	timestamp: string,
	nonce: string,
	accessSecret: string,
): string {
	return createHash('md5')
		.update(accessKey + timestamp + nonce + accessSecret, 'utf8')
		.digest('hex')
		.toUpperCase();
}

export function formatTimestamp(nowMs: number, unit: TimestampUnit = 'seconds'): string {
	return unit === 'milliseconds' ? String(Math.floor(nowMs)) : String(Math.floor(nowMs / 1000));
}

/** The five system headers of one request; call once per request (retries included) for a fresh nonce. */
export function buildAuthHeaders(keys: SigningKeys, nowMs = Date.now()): Record<string, string> {
	const timestamp = formatTimestamp(nowMs, keys.timestampUnit);
	const nonce = keys.signNonce === false ? '' : createNonce();
	const headers: Record<string, string> = {
		'access-key': keys.accessKey,
		timestamp,
		'user-id': keys.userId,
		signature: computeSignature(keys.accessKey, timestamp, nonce, keys.accessSecret),
	};
	if (nonce) headers['nonce-str'] = nonce;
	return headers;
}
