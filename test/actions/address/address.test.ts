/** Address Book through n8n's engine against the local server. */

import { useLocalServer } from '../../support/localServer';
import { expectRefusedBeforeSending, lastBody, lastRequest } from '../../support/helpers';

describe('Address Book', () => {
	const local = useLocalServer({ seedOrders: 10 });
	const address = {
		name: 'zhang',
		phone: '18600888861',
		province: '浙江省',
		city: '杭州市',
		district: '西湖区',
		address: '转塘 1 号',
	};

	it('Create or Update adds, then updates by id; Get Many lists (inferred path)', async () => {
		const [saved] = await local.json({ resource: 'address', operation: 'upsert', ...address });
		expect(saved).toMatchObject({ saved: true, name: 'zhang' });
		expect(lastBody(local, '/v2/open/address/addOrUpdate')).toEqual(address);
		let book = await local.json({ resource: 'address', operation: 'getAll' });
		expect(book).toEqual([{ id: 1, ...address }]);
		await local.json({
			resource: 'address',
			operation: 'upsert',
			...address,
			city: '宁波市',
			additionalFields: { id: '1' },
		});
		expect(lastRequest(local, '/v2/open/address/addOrUpdate').rawBody).toContain('"id":1');
		book = await local.json({ resource: 'address', operation: 'getAll' });
		expect(book).toEqual([{ id: 1, ...address, city: '宁波市' }]);
	});

	it('refuses a phone that is not a number, and an empty district, before sending', async () => {
		await expectRefusedBeforeSending(
			local,
			{ resource: 'address', operation: 'upsert', ...address, phone: 'call me' },
			/^Item 1: Mobile \(phone\) must be a phone number/,
		);
		await expectRefusedBeforeSending(
			local,
			{ resource: 'address', operation: 'upsert', ...address, district: '={{ $json.missing }}' },
			/^Item 1: District \(district\) is required/,
		);
	});
});
