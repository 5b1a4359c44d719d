/**
 * What a route sees and how it refuses a bad body: kept apart from app.ts so the routes and the server that mounts
 * them import in one direction only.
 */
import type { z } from 'zod';

import { describeZodError } from '../../../../nodes/PandaPon/model/values';
import type { OrderStore } from '../store';

export interface RouteContext {
	query: Record<string, string>;
	body: unknown;
	store: OrderStore;
	params: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => unknown;

export class ValidationError extends Error {}

/** Parse a body with the route's schema; a failure is PandaPon's "bad request" envelope. */
export function validate<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
	const result = schema.safeParse(value ?? {});
	if (!result.success) throw new ValidationError(`参数错误 (${describeZodError(result.error)})`);
	return result.data;
}
