/**
 * PandaPon's push signature (doc-cnv2.pandapon.com/doc-6521894, 消息签名): the platform signs the message body and
 * puts HEX_ENCODE(HMAC-SHA256(Base, AccessSecret)) in the POST's Authorization header. The page is cut off before
 * it defines Base; "对消息体做摘要签名" (a digest of the message body) says it is the body, taken here as the raw
 * bytes received. Hex case is not stated: compared case-insensitively, in constant time. Shared by the trigger
 * (which checks) and the local server (which signs).
 */
import { createHmac, timingSafeEqual } from 'crypto';

export type PushSignature = 'valid' | 'invalid' | 'missing';

/** The Authorization value PandaPon sends for this body (lower-case hex). */
export function signPush(rawBody: Buffer | string, accessSecret: string): string {
	return createHmac('sha256', Buffer.from(accessSecret, 'utf8')).update(rawBody).digest('hex');
}

/** Checks an Authorization header against the raw body. */
export function checkPushSignature(
	header: string | string[] | undefined,
	rawBody: Buffer | string,
	accessSecret: string,
): PushSignature {
	const given = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
	if (!given) return 'missing';
	const expected = Buffer.from(signPush(rawBody, accessSecret), 'utf8');
	const actual = Buffer.from(given.toLowerCase(), 'utf8');
	return actual.length === expected.length && timingSafeEqual(actual, expected)
		? 'valid'
		: 'invalid';
}
