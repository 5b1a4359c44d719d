/**
 * Safety settings are the ones that decide whether real money moves or a guess is sent: the spending limits, Use
 * Unverified Endpoint, Safe to Repeat (and the credential's Access). Each is marked here where it is declared, with
 * `safetySetting(...)`, and every guard (the action node's refusal of values left to an AI model) and its tests
 * collect the marked ones with `safetySettings(...)` instead of naming them, so a renamed or new setting is covered
 * where it is written. Pure: the mark is a symbol key, which survives the copies n8n's property helpers make.
 */

const SAFETY = Symbol.for('n8n-nodes-pandapon.safety');

/** The shape of a node property this module reads (n8n's INodeProperties, structurally). */
export interface PropertyLike {
	name: string;
	displayName: string;
	type?: string;
	options?: unknown[];
	values?: unknown[];
	displayOptions?: { show?: Record<string, unknown> };
}

/** Marks a property as a safety setting (returns the same property). */
export function safetySetting<T extends object>(property: T): T {
	Object.defineProperty(property, SAFETY, { value: true, enumerable: true });
	return property;
}

export const isSafetySetting = (property: unknown): boolean =>
	typeof property === 'object' &&
	property !== null &&
	(property as Record<symbol, unknown>)[SAFETY] === true;

/** A marked setting as found in a node's properties: where its value lives, its label, and where it is shown. */
export interface FoundSafetySetting {
	/** The parameter path, e.g. ['options', 'maxOrderTotal']. */
	path: string[];
	label: string;
	/** The displayOptions.show of the property (or of the collection holding it). */
	show: Record<string, unknown>;
}

const isProperty = (value: unknown): value is PropertyLike =>
	typeof value === 'object' && value !== null && typeof (value as PropertyLike).name === 'string';

/** Every marked setting among `properties`, inside collections included, once per path and place shown. */
export function safetySettings(properties: readonly unknown[]): FoundSafetySetting[] {
	const found = new Map<string, FoundSafetySetting>();
	const walk = (list: readonly unknown[], prefix: string[], show: Record<string, unknown>) => {
		for (const property of list.filter(isProperty)) {
			const path = [...prefix, property.name];
			const shownAt = { ...show, ...property.displayOptions?.show };
			if (isSafetySetting(property)) {
				const key = JSON.stringify([path, shownAt]);
				found.set(key, { path, label: property.displayName, show: shownAt });
			}
			if (property.type === 'collection' && property.options) walk(property.options, path, shownAt);
		}
	};
	walk(properties, [], {});
	return [...found.values()];
}

/** The value at `path` of a node's parameters. */
export const valueAt = (parameters: unknown, path: readonly string[]): unknown =>
	path.reduce<unknown>(
		(at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
		parameters,
	);
