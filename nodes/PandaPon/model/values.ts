/** zod building blocks for request bodies: every message names the field as "Label (apiName)". */
import { z } from 'zod';

import { JsonInteger, jsonInteger } from './json';

const INT64_MAX = '9223372036854775807';

/** An id made of digits. 19-digit ids arrive from lossless JSON as strings; small ones may be numbers. */
export const digitId = (label: string) =>
	z
		.union([z.string(), z.number().int().nonnegative(), z.instanceof(JsonInteger)], {
			errorMap: () => ({ message: `${label} is required` }),
		})
		.transform((v) => String(v).trim())
		.pipe(
			z
				.string()
				.min(1, `${label} is required`)
				.regex(/^\d+$/, `${label} must contain digits only (e.g. 2542285634920880794)`)
				// PandaPon's ids are 64-bit integers: a longer one is a typo, and could be read as another id.
				.refine(
					(v) => v.length < 19 || (v.length === 19 && v <= INT64_MAX),
					`${label} is too long: PandaPon's IDs have at most 19 digits (up to ${INT64_MAX})`,
				),
		);

export const text = (label: string) =>
	z
		.string({ required_error: `${label} is required`, invalid_type_error: `${label} must be text` })
		.trim()
		.min(1, `${label} is required`);

export const optionalText = z
	.string()
	.trim()
	.optional()
	.transform((v) => (v === '' ? undefined : v));

/** A whole number, also when typed as text ("3"); bounds in the message. */
export const int = (label: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
	z
		.union(
			[
				z.number(),
				z
					.string()
					.trim()
					.regex(/^-?\d+$/, `${label} must be a whole number`),
			],
			{
				required_error: `${label} is required`,
				invalid_type_error: `${label} must be a whole number`,
			},
		)
		.transform(Number)
		.pipe(
			z
				.number()
				.int(`${label} must be a whole number`)
				.min(min, `${label} must be at least ${min}`)
				.max(max, `${label} must be at most ${max}`),
		);

/** An id the API types as an integer: checked as digits, sent as bare digits (19 digits do not fit a number). */
export const integerId = (label: string) => digitId(label).transform((v) => jsonInteger(v));

/** A list of ids, at least one. */
export const idArray = (label: string, asInteger = false) =>
	z
		.array(asInteger ? integerId(label) : digitId(label), {
			required_error: `${label} are required`,
			invalid_type_error: `${label} must be a list`,
		})
		.min(1, `${label} must name at least one`);

/** Money in fen (1/100 yuan), a whole number ≥ 0. */
export const fen = (label: string) => int(label, 0);

/** A JSON text that must parse to an array/object (the API wants JSON inside JSON for these fields). */
export const jsonText = (label: string, shape: 'array' | 'object') =>
	text(label).refine(
		(value) => {
			try {
				const parsed = JSON.parse(value) as unknown;
				return shape === 'array'
					? Array.isArray(parsed) && parsed.length > 0
					: typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
			} catch {
				return false;
			}
		},
		`${label} must be a JSON ${shape === 'array' ? 'array with at least one entry' : 'object'}`,
	);

/** Base64 file content (images for search and vouchers). */
export const base64File = (label: string) =>
	text(label).refine((v) => /^[A-Za-z0-9+/=\s]+$/.test(v), `${label} must be base64 file content`);

export const language = z.string().trim().min(2).default('en');

/** Render a zod error as one line per problem: "Cargo line #2: Quantity (quantity) must be greater than 0". */
export function describeZodError(error: z.ZodError, labels: Record<string, string> = {}): string {
	return error.issues
		.map((issue) => {
			const parts = [...issue.path];
			const last = parts[parts.length - 1];
			// The messages name their field as "Label (apiName)": no need to repeat it in the path.
			if (typeof last === 'string' && issue.message.includes(`(${last})`)) parts.pop();
			const where = parts
				.map((part, i) =>
					typeof part === 'number' ? ` #${part + 1}` : `${i ? ' › ' : ''}${labels[part] ?? part}`,
				)
				.join('');
			return where ? `${where}: ${issue.message}` : issue.message;
		})
		.join('; ');
}

/**
 * A whole number of fen from an answer or a push (a JSON number or a string of digits), else undefined; negative
 * amounts only when `signed` (a refund's difference, say).
 */
export function wholeFen(value: unknown, signed = false): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && (signed || value >= 0)) return value;
	const digits = signed ? /^-?\d+$/ : /^\d+$/;
	if (typeof value === 'string' && digits.test(value.trim())) return Number(value);
	return undefined;
}
