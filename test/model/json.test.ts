import {
	isSafeNumber,
	parse as losslessParse,
	stringify as losslessStringify,
} from 'lossless-json';

import {
	jsonInteger,
	losslessJsonImplementation,
	parseJson,
	stringifyJson,
	stringifyJsonFallback,
} from '../../nodes/PandaPon/model/json';

/** The oracle: lossless-json, with unsafe integers as strings and everything else as numbers. */
function oracleParse(text: string): unknown {
	return losslessParse(text, null, (value: string) =>
		/^-?\d+$/.test(value) && !isSafeNumber(value, { approx: false }) ? value : Number(value),
	);
}

function randomDocument(seed: number): string {
	let state = seed;
	const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
	const id = () =>
		String(1 + Math.floor(rnd() * 9)) +
		Array.from({ length: 18 }, () => Math.floor(rnd() * 10)).join('');
	const value = (depth: number): unknown => {
		const pick = Math.floor(rnd() * (depth > 2 ? 6 : 8));
		switch (pick) {
			case 0:
				return `s"\\${id()}\u4e2d`;
			case 1:
				return Math.floor(rnd() * 100000);
			case 2:
				return rnd() * 1000 - 500;
			case 3:
				return null;
			case 4:
				return rnd() > 0.5;
			case 5:
				return { raw: id() };
			case 6:
				return Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => value(depth + 1));
			default:
				return Object.fromEntries(
					Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => [
						`k${i}_${id()}`,
						value(depth + 1),
					]),
				);
		}
	};
	// Serialize with raw 19-digit numbers where {raw} markers are, like PandaPon does.
	return JSON.stringify({ orderId: { raw: id() }, data: value(0) }).replace(
		/\{"raw":"(\d+)"\}/g,
		'$1',
	);
}

const implementations = [
	['writing: ' + losslessJsonImplementation, parseJson, stringifyJson],
	['writing: placeholder fallback', parseJson, stringifyJsonFallback],
] as const;

describe.each(implementations)('lossless JSON: %s', (_name, parse, stringify) => {
	it('reads a 19-digit id as its exact digits', () => {
		const parsed = parse(
			'{"orderId":2542285634920880794,"developId":"1110890638347337996","n":12}',
		) as Record<string, unknown>;
		expect(parsed.orderId).toBe('2542285634920880794');
		expect(parsed.developId).toBe('1110890638347337996');
		expect(parsed.n).toBe(12);
		// plain JSON.parse rounds it to another order id
		expect(
			String((JSON.parse('{"orderId":2542285634920880794}') as { orderId: number }).orderId),
		).not.toBe('2542285634920880794');
	});

	it('agrees with lossless-json on 300 random documents', () => {
		for (let seed = 1; seed <= 300; seed++) {
			const text = randomDocument(seed);
			expect(parse(text)).toEqual(oracleParse(text));
		}
	});

	it('keeps big numbers inside arrays, negative ones, and leaves strings and keys alone', () => {
		const text =
			'{"ids":[2542285634920880794,-9223372036854775807,1],"s":"12345678901234567890","12345678901234567890":1}';
		expect(parse(text)).toEqual(oracleParse(text));
	});

	it('skips strings with escaped quotes and backslashes, and leaves floats and exponents as numbers', () => {
		const text =
			'{"a":"x\\"12345678901234567890\\\\","b" : 12345678901234567890 ,"c":[1234567890123456789.5,-1.2345678901234567e300,9007199254740991,9007199254740993]}';
		expect(parse(text)).toEqual(oracleParse(text));
		expect((parse(text) as { b: unknown }).b).toBe('12345678901234567890');
	});

	it('still rejects text that is not JSON', () => {
		expect(() => parse('{"a":')).toThrow();
		expect(() => parse('<html>502 Bad Gateway</html>')).toThrow();
		expect(() => parse('{12345678901234567890:1}')).toThrow();
		expect(() => parse('{12345678901234567890 :1}')).toThrow();
		expect(() => parse('{"a":"12345678901234567890}')).toThrow();
	});

	it('writes a JsonInteger as bare digits, exactly', () => {
		const text = stringify({
			webSite: '1688',
			orderId: jsonInteger('2542285634920880794'),
			ids: [jsonInteger('1')],
		});
		expect(text).toBe('{"webSite":"1688","orderId":2542285634920880794,"ids":[1]}');
		expect(oracleParse(text)).toEqual({
			webSite: '1688',
			orderId: '2542285634920880794',
			ids: [1],
		});
		expect(losslessStringify(losslessParse(text))).toBe(text);
	});

	it('does not touch user text that looks like a placeholder', () => {
		const text = stringify({ note: '__pandapon_int_0000000000000000__123', id: jsonInteger('5') });
		expect(JSON.parse(text)).toEqual({ note: '__pandapon_int_0000000000000000__123', id: 5 });
	});
});

describe('jsonInteger', () => {
	it('refuses anything but digits', () => {
		expect(() => jsonInteger('12a')).toThrow('Not an integer');
		expect(() => jsonInteger('1e21')).toThrow('Not an integer');
	});
});
