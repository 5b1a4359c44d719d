/**
 * The safety settings a model must never set: a value that comes from $fromAI (the AI tool's "let the model define
 * this") refuses the whole run before anything is sent. Which settings are safety settings is read from their
 * mark (model/safety.ts), not listed here.
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { valueAt, type FoundSafetySetting } from '../../model/safety';

const FROM_AI = /\$fromAI\s*\(/i;

export function assertNotFromModel(
	ctx: IExecuteFunctions,
	settings: readonly FoundSafetySetting[],
): void {
	const parameters = ctx.getNode().parameters;
	for (const { path, label } of settings) {
		const value = valueAt(parameters, path);
		if (typeof value !== 'string' || !FROM_AI.test(value)) continue;
		throw new NodeOperationError(
			ctx.getNode(),
			`Not sent: ${label} is left to the AI model ($fromAI), and a safety setting cannot be left to the model. Set it to a fixed value in this node.`,
			{
				description:
					'Nothing was sent to PandaPon. The model may fill the order details; the spending limits, Use Unverified Endpoint and Safe to Repeat are yours.',
			},
		);
	}
}
