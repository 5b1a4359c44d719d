/**
 * A fake OpenAI-compatible chat model on loopback for the AI-agent runs: it answers /v1/chat/completions from a
 * script (tool calls, then a final text) and records every request n8n sent it, so a test can read what the model
 * was told: the tool names and descriptions, and each tool result as text. Streams (SSE) when asked to.
 */
import http from 'http';
import type { AddressInfo } from 'net';

export interface ChatRequest {
	model?: string;
	stream?: boolean;
	messages: Array<{
		role: string;
		content?: unknown;
		tool_call_id?: string;
		tool_calls?: unknown[];
	}>;
	tools?: Array<{
		type: string;
		function: { name: string; description?: string; parameters?: unknown };
	}>;
}

/** What the model says next: call a tool with arguments, or answer in text. */
export type Turn = { tool: string; args: Record<string, unknown> } | { text: string };

export class FakeModel {
	readonly requests: ChatRequest[] = [];
	url = '';
	private readonly server: http.Server;

	constructor(private readonly script: (request: ChatRequest, turn: number) => Turn) {
		this.server = http.createServer((req, res) => void this.handle(req, res));
	}

	async listen(): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
		return this.url;
	}

	close(): Promise<void> {
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** The text of every tool result the model received, in order. */
	toolResults(): string[] {
		const last = this.requests.at(-1);
		return (last?.messages ?? [])
			.filter((m) => m.role === 'tool')
			.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		if (req.method === 'GET' && req.url?.endsWith('/models')) {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(
				JSON.stringify({
					object: 'list',
					data: [{ id: 'fake-model', object: 'model', owned_by: 'test' }],
				}),
			);
			return;
		}
		if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
			res.writeHead(404).end();
			return;
		}
		const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
		this.requests.push(request);
		let turn: Turn;
		try {
			turn = this.script(request, this.requests.length - 1);
		} catch (error) {
			turn = { text: `script error: ${(error as Error).message}` };
		}
		const id = `chatcmpl-${this.requests.length}`;
		const created = Math.floor(Date.now() / 1000);
		const toolCall =
			'tool' in turn
				? {
						id: `call_${this.requests.length}`,
						type: 'function',
						function: { name: turn.tool, arguments: JSON.stringify(turn.args) },
					}
				: undefined;
		const message = toolCall
			? { role: 'assistant', content: null, tool_calls: [toolCall] }
			: { role: 'assistant', content: (turn as { text: string }).text };
		const finish = toolCall ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
		if (!request.stream) {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(
				JSON.stringify({
					id,
					object: 'chat.completion',
					created,
					model: request.model ?? 'fake-model',
					choices: [{ index: 0, message, finish_reason: finish }],
					usage,
				}),
			);
			return;
		}
		res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
		const send = (delta: object, finishReason: string | null) =>
			res.write(
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model ?? 'fake-model', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`,
			);
		send(
			toolCall
				? { role: 'assistant', content: null, tool_calls: [{ index: 0, ...toolCall }] }
				: { role: 'assistant', content: message.content },
			null,
		);
		send({}, finish);
		res.write(
			`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: 'fake-model', choices: [], usage })}\n\n`,
		);
		res.end('data: [DONE]\n\n');
	}
}
