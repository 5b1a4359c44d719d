/** Shared by the resource tests: real image bytes as an n8n binary item, and "refused before sending" checks. */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Local } from './localServer';

/** A real 1×1 PNG (67 bytes). */
export const PNG_BYTES = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

export const imageItem = (fileName = 'parcel.png', property = 'data'): IDataObject => ({
	note: 'an item with an image',
	$binary: { [property]: { data: PNG_BYTES.toString('base64'), mimeType: 'image/png', fileName } },
});

/** Runs, expects the workflow to fail with the message, and the server to have received nothing. */
export async function expectRefusedBeforeSending(
	local: Local,
	parameters: IDataObject,
	message: RegExp,
	items?: IDataObject[],
) {
	const before = local.server.count();
	const result = await local.run(parameters, items ? { items } : {});
	expect(result.error?.message).toMatch(message);
	expect(local.server.count()).toBe(before);
}

/** The body of the last request the server received on a path, parsed. */
export function lastBody(local: Local, path: string): IDataObject {
	const entry = [...local.server.log].reverse().find((e) => e.path === path);
	if (!entry) throw new Error(`no request to ${path}`);
	return entry.rawBody ? (JSON.parse(entry.rawBody) as IDataObject) : {};
}

export function lastRequest(local: Local, path: string) {
	const entry = [...local.server.log].reverse().find((e) => e.path === path);
	if (!entry) throw new Error(`no request to ${path}`);
	return entry;
}

/** The form of one operation filled in as a user would: every required field given a plausible value. */
export function filledForm(
	properties: INodeProperties[],
	resource: string,
	operation: string,
): IDataObject {
	const form: IDataObject = { resource, operation };
	for (const p of properties) {
		const show = p.displayOptions?.show;
		if (!p.required || show?.resource?.[0] !== resource || show?.operation?.[0] !== operation)
			continue;
		form[p.name] = p.type === 'number' ? 1 : '1';
	}
	return form;
}

/** Every operation of the node as [resource, operation], in the order its Operation dropdowns list them. */
export function nodeOperations(
	properties: INodeProperties[],
): Array<[resource: string, operation: string]> {
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			((p.options ?? []) as INodePropertyOptions[]).map((o): [string, string] => [
				String(p.displayOptions?.show?.resource?.[0]),
				String(o.value),
			]),
		);
}

/** Whether n8n shows a property for these parameters (show rules only; the node uses no hide rules on these). */
export function isShown(
	properties: INodeProperties[],
	p: INodeProperties,
	form: Record<string, unknown>,
): boolean {
	return Object.entries(p.displayOptions?.show ?? {}).every(([key, allowed]) => {
		const value =
			key in form
				? form[key]
				: properties.find((q) => q.name === key && isShown(properties, q, form))?.default;
		return (allowed as unknown[]).includes(value);
	});
}
