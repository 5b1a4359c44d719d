/**
 * Bad input to the trigger: each malformed or unauthorised push is answered with a 4xx (so PandaPon or whoever
 * sent it sees the refusal), starts no execution, leaves the duplicate store untouched and does not echo the body.
 */
import axios from 'axios';

import { WebhookHost } from '../support/webhookHost';

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
	axios.post(url, body, {
		headers: { 'Content-Type': 'application/json', ...headers },
		validateStatus: () => true,
		transformRequest: (b) => b,
	});

const valid = {
	messageType: '1688_ORDER_PAY_SUCCESS',
	messagePlatform: 1,
	timestamp: '1745486263913',
	messageBody: '{"orderId":"2542285634920880794"}',
};

const CASES: Array<[string, string, number, Record<string, string>?]> = [
	['not JSON', 'messageType=ORDER_CREATE', 400],
	['truncated JSON', '{"messageType": "1688_ORDER_CREATE", "messageBody": ', 400],
	['a JSON array', JSON.stringify([valid]), 400],
	['a JSON string', JSON.stringify('hello'), 400],
	['messageType empty', JSON.stringify({ ...valid, messageType: ' ' }), 400],
	[
		'messageType missing (body present)',
		JSON.stringify({ messagePlatform: 1, messageBody: {} }),
		400,
	],
	['messagePlatform 7', JSON.stringify({ ...valid, messagePlatform: 7 }), 400],
	[
		'messagePlatform missing',
		JSON.stringify({ messageType: valid.messageType, messageBody: {} }),
		400,
	],
	['messageBody a number', JSON.stringify({ ...valid, messageBody: 42 }), 400],
	[
		'messageBody a string that is not JSON',
		JSON.stringify({ ...valid, messageBody: '{orderId:1' }),
		400,
	],
	['token missing', JSON.stringify(valid), 401],
	['token wrong', JSON.stringify(valid), 403, { 'X-PandaPon-Token': 'guess' }],
];

describe('trigger: bad input', () => {
	it.each(CASES)(
		'%s is refused (4xx), starts nothing, stores nothing, echoes nothing',
		async (name, body, status, headers = {}) => {
			const token = name.startsWith('token') ? { options: { token: 'team-secret-token' } } : {};
			const host = new WebhookHost({ parameters: token });
			const url = await host.listen();
			try {
				const before = host.persisted();
				const answer = await post(url, body, headers);
				expect(answer.status).toBe(status);
				expect(JSON.stringify(answer.data)).not.toContain('2542285634920880794');
				expect(host.executions).toHaveLength(0);
				expect(host.persisted()).toBe(before);
				// The same host still accepts a good message afterwards.
				const good = await post(
					token.options ? `${url}?token=team-secret-token` : url,
					JSON.stringify(valid),
				);
				expect(good.status).toBe(200);
				expect(host.executions).toHaveLength(1);
			} finally {
				await host.close();
			}
		},
	);
});
