/** Return All / Limit over PandaPon's numbered pages (pages start at 1). */
export interface Page<T> {
	items: T[];
	total?: number;
}

export interface PaginateOptions {
	returnAll: boolean;
	limit: number;
	pageSize: number;
	/** Stops a runaway loop if the API keeps answering full pages. */
	maxPages?: number;
}

export async function paginate<T>(
	fetchPage: (pageNum: number, pageSize: number) => Promise<Page<T>>,
	{ returnAll, limit, pageSize, maxPages = 100_000 }: PaginateOptions,
): Promise<T[]> {
	const results: T[] = [];
	const wanted = returnAll ? Infinity : limit;
	// One page size for the whole walk: page N starts at (N - 1) * size.
	const size = returnAll ? pageSize : Math.max(1, Math.min(pageSize, limit));
	for (let pageNum = 1; pageNum <= maxPages && results.length < wanted; pageNum++) {
		const { items, total } = await fetchPage(pageNum, size);
		results.push(...items.slice(0, wanted - results.length));
		if (items.length === 0 || items.length < size) break;
		if (total !== undefined && pageNum * size >= total) break;
	}
	return results;
}
