/**
 * What an answer from PandaPon says about a request's outcome, as one pure rule: `done` (it took effect and
 * PandaPon said so), `refused` (nothing happened) or `unknown` (it may have taken effect). The transport classifies
 * every answer here and carries the result as a typed field (`outcome` on the error's context), so no other place
 * reads a sentence back to learn it.
 */

export type Outcome = 'done' | 'refused' | 'unknown';

/** What came back: no answer (a network failure), an HTTP status outside 2xx, a body that is no envelope, an envelope. */
export type Answer =
	| { kind: 'network'; code?: string }
	| { kind: 'http'; status: number }
	| { kind: 'notEnvelope' }
	| { kind: 'envelope'; code: unknown };

/**
 * Whether an envelope code ≠ 200 means PandaPon refused the request (nothing happened). PandaPon publishes no code
 * table, so only the 4xx family (bad parameters, signature, not found, too many requests) counts as a refusal; any
 * other code (500 系统繁忙 included) leaves a write's outcome open. One rule, to correct here when PandaPon says more.
 */
export const envelopeMeansRefused = (code: unknown): boolean => {
	const n = Number(code);
	return Number.isInteger(n) && n >= 400 && n < 500;
};

/** Network errors that mean the request never left this machine or never found PandaPon. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export function outcomeOfAnswer(answer: Answer): Outcome {
	switch (answer.kind) {
		case 'network':
			// A refused connection never reached PandaPon; anything else (a cut, a timeout) may have.
			return answer.code !== undefined && NEVER_SENT.has(answer.code) ? 'refused' : 'unknown';
		case 'http':
			// A 5xx may come after the work was done; a 4xx (429 included) is a refusal.
			if (answer.status >= 200 && answer.status < 300) return 'done';
			return answer.status >= 500 ? 'unknown' : 'refused';
		case 'notEnvelope':
			return 'unknown';
		case 'envelope':
			if (Number(answer.code) === 200) return 'done';
			return envelopeMeansRefused(answer.code) ? 'refused' : 'unknown';
	}
}
