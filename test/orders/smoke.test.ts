import { useLocalServer } from '../harness/local';

describe('smoke', () => {
	const local = useLocalServer();
	it('lists orders through the engine', async () => {
		const out = await local.json({ resource: 'order', operation: 'getAll', returnAll: false, limit: 3 });
		expect(out).toHaveLength(3);
		expect(typeof out[0].tbOrderId).toBe('string');
	});
});
