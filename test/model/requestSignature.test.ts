import { signPandaPonRequest } from '../../credentials/PandaPonApi.credentials';
import {
	NONCE_ALPHABET,
	buildAuthHeaders,
	computeSignature,
	createNonce,
} from '../../nodes/PandaPon/model/requestSignature';

// A worked example of the signing recipe: invented keys, three vectors.
const KEY = '3c9d0b7e5a2f4e81b6d4f0a9c2e7b315';
const SECRET = 'K7pQ2vX9mZ4tR8wL1nB6yH3cF5jD0sGa';
const NONCE = 'Qm3T8vLx2Kp9Wd4Zr7Nc1Hy6Bf5Js0Ae';

describe('signature', () => {
	it('matches the worked vector with a timestamp in seconds', () => {
		expect(computeSignature(KEY, '1745486263', NONCE, SECRET)).toBe(
			'F6F803D7167C0D831C69E21C50E0A95B',
		);
	});

	it('matches the worked vector with a timestamp in milliseconds', () => {
		expect(computeSignature(KEY, '1745486263000', NONCE, SECRET)).toBe(
			'D8BCAB98D4539E9F5BA72B20CCD28BAD',
		);
	});

	it('matches the worked vector of the no-nonce variant', () => {
		expect(computeSignature(KEY, '1745486263', '', SECRET)).toBe(
			'58E4FB3D2453B70CACC11FA65B7DE274',
		);
	});

	it('makes 32-character alphanumeric nonces that differ every time', () => {
		const nonces = new Set(Array.from({ length: 500 }, () => createNonce()));
		expect(nonces.size).toBe(500);
		for (const nonce of nonces) {
			expect(nonce).toMatch(/^[A-Za-z0-9]{32}$/);
		}
		// every alphabet character shows up in 500 × 32 draws: the draw is not stuck on a subset
		const seen = new Set([...nonces].join(''));
		expect(seen.size).toBe(NONCE_ALPHABET.length);
	});

	it('builds the five headers from the clock, signing key + timestamp + nonce + secret', () => {
		const now = Date.UTC(2025, 3, 24, 9, 17, 43);
		const headers = buildAuthHeaders(
			{ accessKey: KEY, accessSecret: SECRET, userId: '2100007341207' },
			now,
		);
		expect(Object.keys(headers).sort()).toEqual([
			'access-key',
			'nonce-str',
			'signature',
			'timestamp',
			'user-id',
		]);
		expect(headers.timestamp).toBe('1745486263');
		expect(headers['user-id']).toBe('2100007341207');
		expect(headers.signature).toBe(
			computeSignature(KEY, '1745486263', headers['nonce-str'], SECRET),
		);
		expect(JSON.stringify(headers)).not.toContain(SECRET);
	});

	it('uses milliseconds when the credential says so, and omits the nonce in the no-nonce variant', () => {
		const now = 1745486263123;
		const ms = buildAuthHeaders(
			{ accessKey: KEY, accessSecret: SECRET, userId: '1', timestampUnit: 'milliseconds' },
			now,
		);
		expect(ms.timestamp).toBe('1745486263123');
		const noNonce = buildAuthHeaders(
			{ accessKey: KEY, accessSecret: SECRET, userId: '1', signNonce: false },
			now,
		);
		expect(noNonce['nonce-str']).toBeUndefined();
		expect(noNonce.signature).toBe(computeSignature(KEY, '1745486263', '', SECRET));
	});
});

describe('credential authenticate()', () => {
	const credentials = {
		accessKey: ` ${KEY} `,
		accessSecret: SECRET,
		userId: '2100007341207',
		baseUrl: 'http://127.0.0.1:1',
		timestampUnit: 'seconds',
		signNonce: true,
	};

	it('adds signed headers with the current time and keeps the request’s own headers', async () => {
		const before = Math.floor(Date.now() / 1000);
		const signed = await signPandaPonRequest(credentials, {
			url: '/v2/alibaba/order/page',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		});
		const headers = signed.headers as Record<string, string>;
		expect(headers['Content-Type']).toBe('application/json');
		expect(headers['access-key']).toBe(KEY); // trimmed
		expect(Number(headers.timestamp)).toBeGreaterThanOrEqual(before);
		expect(Number(headers.timestamp)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
		expect(headers.signature).toBe(
			computeSignature(KEY, headers.timestamp, headers['nonce-str'], SECRET),
		);
		expect(signed.body).toBe('{}');
		expect(JSON.stringify(signed)).not.toContain(SECRET);
	});

	it('signs every request afresh (new nonce and signature each call)', async () => {
		const a = (await signPandaPonRequest(credentials, { url: '/x' })).headers as Record<
			string,
			string
		>;
		const b = (await signPandaPonRequest(credentials, { url: '/x' })).headers as Record<
			string,
			string
		>;
		expect(a['nonce-str']).not.toBe(b['nonce-str']);
		expect(a.signature).not.toBe(b.signature);
	});
});
