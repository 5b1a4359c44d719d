/** Deterministic pseudo-random numbers (mulberry32) so the seeded data is the same on every run. */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	digits(count: number): string {
		let s = String(this.int(1, 9));
		while (s.length < count) s += String(this.int(0, 9));
		return s;
	}

	hex(count: number): string {
		let s = '';
		while (s.length < count) s += this.int(0, 15).toString(16);
		return s;
	}

	token(count: number): string {
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
		let s = '';
		while (s.length < count) s += alphabet[this.int(0, alphabet.length - 1)];
		return s;
	}
}
