/**
 * Where a real n8n spends a PandaPon node's execution: reads a V8 CPU profile (`node --cpu-prof`) of `n8n execute`
 * and splits the samples taken while the node ran into the node's own code, its zod checks, n8n's request path,
 * n8n's engine, garbage collection and waiting. For the bench's real-n8n part; not part of the tests.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** The shares, in the order they are printed; a sample goes to the first that claims the script it ran in. */
const PACKAGE = '/n8n-nodes-pandapon/';
const CATEGORIES: Array<{ label: string; claims: (url: string) => boolean }> = [
	{ label: "the node's own code", claims: (url) => url.includes(PACKAGE) },
	{ label: "zod (the node's checks)", claims: (url) => url.includes('/zod/') },
	{
		label: "n8n's request path (axios, sockets, streams)",
		claims: (url) =>
			/\/(@n8n\/backend-network|axios|follow-redirects|proxy-from-env)\//.test(url) ||
			/^node:(_?http|net|_http_\w+|internal\/stream|internal\/streams|stream|events|dns|url|internal\/url)/.test(
				url,
			),
	},
	{
		label: "n8n's engine (parameters, expressions, run data)",
		claims: (url) =>
			/\/(n8n-core|n8n-workflow|@n8n\/expression-runtime|@n8n\/tournament|lodash)\//.test(url),
	},
];
const GC = 'garbage collection';
const IDLE = 'waiting (idle: the server answering)';
const OTHER = 'other';

export interface ProfileSplit {
	/** From the router's first sample to the last sample with the node's code on the stack. */
	windowMs: number;
	shares: Array<{ label: string; ms: number }>;
}

export function splitProfile(file: string): ProfileSplit {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);

	const classified = new Map<number, { label: string; ours: boolean }>();
	const classify = (id: number): { label: string; ours: boolean } => {
		const known = classified.get(id);
		if (known) return known;
		const { functionName, url } = byId.get(id)!.callFrame;
		const up = parent.get(id);
		const above = up === undefined ? undefined : classify(up);
		let label: string;
		if (url) label = CATEGORIES.find((c) => c.claims(url))?.label ?? OTHER;
		// Native frames (writev, utf8Slice …) count for the script that called them.
		else if (above && above.label !== OTHER) label = above.label;
		else if (functionName === '(garbage collector)') label = GC;
		else if (functionName === '(idle)') label = IDLE;
		else label = OTHER;
		// Running the node's code: a named function of the package (its module loading is start-up).
		const ours = (above?.ours ?? false) || (url.includes(PACKAGE) && functionName !== '');
		classified.set(id, { label, ours });
		return { label, ours };
	};

	// The node's run starts with its router (the package's functions that ran before it built the node's description
	// at start-up) and ends with the last sample of the package's code.
	const inRouter = (id: number | undefined): boolean => {
		for (; id !== undefined; id = parent.get(id)) {
			const { functionName, url } = byId.get(id)!.callFrame;
			if (functionName === 'router' && url.includes(PACKAGE)) return true;
		}
		return false;
	};
	const { samples, timeDeltas } = profile;
	const first = samples.findIndex((id) => inRouter(id));
	let last = -1;
	samples.forEach((id, i) => {
		if (first >= 0 && i >= first && classify(id).ours) last = i;
	});
	const totals = new Map<string, number>();
	let windowUs = 0;
	for (let i = first + 1; first >= 0 && i <= last; i++) {
		const us = timeDeltas[i] ?? 0;
		windowUs += us;
		const { label } = classify(samples[i]);
		totals.set(label, (totals.get(label) ?? 0) + us);
	}
	const order = [...CATEGORIES.map((c) => c.label), GC, IDLE, OTHER];
	return {
		windowMs: windowUs / 1000,
		shares: order.map((label) => ({ label, ms: (totals.get(label) ?? 0) / 1000 })),
	};
}

/** "the node's own code 9 %, zod 2 %, …" */
export function describeSplit(split: ProfileSplit): string {
	return split.shares
		.map(({ label, ms }) => `${label} ${((100 * ms) / (split.windowMs || 1)).toFixed(0)} %`)
		.join(', ');
}
