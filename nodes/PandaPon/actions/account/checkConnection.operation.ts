/**
 * Account → Check Connection: finds out on the user's own account what no public page settles (its signature recipe, timestamp unit and nonce are not fully published: doc-en.pandapon.com/doc-6055770):
 * whether PandaPon wants the signed timestamp in seconds or milliseconds, and whether nonce-str is signed. It signs
 * one cheap documented read (GET the 1688 cart list) in each variant, reports PandaPon's answer to each, names the
 * variant it accepted and the credential settings to use, and reads PandaPon's clock from the answers' Date
 * header (PandaPon refuses timestamps more than 600 s off). It never sends a write.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ENDPOINTS, type EndpointName } from '../../model/endpoints';
import { credentialData, pandaponProbe } from '../../transport/request';
import { forOperation, toItems } from '../../shared/parameters';

/** PandaPon's allowed clock difference. */
export const CLOCK_WINDOW_S = 600;

const VARIANTS = [
	{ timestampUnit: 'seconds', signNonce: true },
	{ timestampUnit: 'milliseconds', signNonce: true },
	{ timestampUnit: 'seconds', signNonce: false },
	{ timestampUnit: 'milliseconds', signNonce: false },
] as const;

type Variant = (typeof VARIANTS)[number];

/** In the credential's own words: "Timestamp Unit: Seconds, Sign With Nonce: on". */
const settingsText = (v: Variant) =>
	`Timestamp Unit: ${v.timestampUnit === 'seconds' ? 'Seconds' : 'Milliseconds'}, Sign With Nonce: ${v.signNonce ? 'on' : 'off'}`;

/** The endpoint this operation calls (the README's operations table is generated from it). */
export const endpoint: EndpointName = 'cartList';

export const description: INodeProperties[] = forOperation('account', 'checkConnection', [
	{
		displayName:
			'Sends four signed reads of your 1688 cart (nothing is changed) to find which signature form PandaPon accepts for your keys, and how far this machine’s clock is from PandaPon’s.',
		name: 'checkNotice',
		type: 'notice',
		default: '',
	},
]);

/** One signed probe per signature form, and the clock offsets their Date headers give. */
async function probeVariants(ctx: IExecuteFunctions, itemIndex: number) {
	const { method, path } = ENDPOINTS.cartList;
	const variants: IDataObject[] = [];
	const offsets: number[] = [];
	for (const variant of VARIANTS) {
		const sentAt = Date.now();
		const answer = await pandaponProbe.call(ctx, {
			method,
			path,
			itemIndex,
			signing: { ...variant },
		});
		const receivedAt = Date.now();
		const serverTime = answer.date ? Date.parse(answer.date) : NaN;
		// The Date header has whole seconds: the offset is good to about a second.
		if (Number.isFinite(serverTime)) offsets.push(serverTime - (sentAt + receivedAt) / 2);
		variants.push({
			timestampUnit: variant.timestampUnit,
			signNonce: variant.signNonce,
			accepted: answer.status === 200 && Number(answer.code) === 200,
			httpStatus: answer.status,
			code: answer.code as IDataObject[string],
			msg: answer.msg,
			requestId: answer.requestId,
			ms: answer.ms,
			...(answer.error ? { networkError: answer.error } : {}),
		});
	}
	return { variants, offsets };
}

interface Verdict {
	current: Variant;
	chosen?: Variant;
	matches: boolean;
	offsetS: number | null;
	clockOk: boolean | null;
}

/** Which form PandaPon accepted (the credential's own when several pass: a lenient account), and the clock. */
function verdictOf(current: Variant, variants: IDataObject[], offsets: number[]): Verdict {
	const accepted = VARIANTS.filter((_v, i) => variants[i].accepted === true);
	const same = (v: Variant) =>
		v.timestampUnit === current.timestampUnit && v.signNonce === current.signNonce;
	const chosen = accepted.find(same) ?? accepted[0];
	const offsetS = offsets.length
		? Math.round(offsets.reduce((a, b) => a + b, 0) / offsets.length / 1000)
		: null;
	const clockOk = offsetS === null ? null : Math.abs(offsetS) <= CLOCK_WINDOW_S;
	return { current, chosen, matches: chosen ? same(chosen) : false, offsetS, clockOk };
}

/** The one sentence a person (or an AI agent) reads first. */
function summaryOf(
	{ current, chosen, matches, offsetS, clockOk }: Verdict,
	variants: IDataObject[],
) {
	let summary: string;
	if (chosen) {
		summary = matches
			? `PandaPon accepts your keys with the credential’s current settings (${settingsText(chosen)}).`
			: `PandaPon accepts your keys signed with ${settingsText(chosen)}: set these in the PandaPon API credential, under Adjust Signature Settings (it now has ${settingsText(current)}).`;
	} else if (variants.every((v) => v.httpStatus === null)) {
		summary = `PandaPon could not be reached (${String(variants[0].networkError)}): check the Base URL in the credential and this machine’s network.`;
	} else if (clockOk === false) {
		summary = `PandaPon refused every signature form, and this machine’s clock is ${offsetS} s off PandaPon’s (PandaPon allows ${CLOCK_WINDOW_S} s): correct the clock, then check again.`;
	} else {
		summary = `PandaPon refused every signature form (first answer: ${String(variants[0].msg ?? variants[0].httpStatus)}): check the Access Key, Access Secret and User ID in the credential.`;
	}
	if (chosen && clockOk === false) {
		summary += ` Note: this machine’s clock is ${offsetS} s off PandaPon’s; PandaPon allows ${CLOCK_WINDOW_S} s.`;
	}
	return summary;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const credentials = await credentialData(this);
	const current = {
		timestampUnit: (credentials.timestampUnit as string) ?? 'seconds',
		signNonce: credentials.signNonce !== false,
	} as Variant;
	const { variants, offsets } = await probeVariants(this, itemIndex);
	const verdict = verdictOf(current, variants, offsets);
	const { chosen } = verdict;
	return toItems.call(
		this,
		{
			connected: Boolean(chosen),
			summary: summaryOf(verdict, variants),
			acceptedVariant: chosen ? settingsText(chosen) : null,
			credentialSettings: chosen
				? { timestampUnit: chosen.timestampUnit, signNonce: chosen.signNonce }
				: null,
			credentialMatches: verdict.matches,
			clockOffsetSeconds: verdict.offsetS,
			clockWithinWindow: verdict.clockOk,
			variants,
		},
		itemIndex,
	);
}
