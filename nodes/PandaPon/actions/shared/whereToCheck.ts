/** The action node's menus a person opens to see whether a write whose answer was lost took effect. */
/** By the path the write went to. */
export function whereToCheck(path: string): string {
	if (/\/refund\//.test(path))
		return path.includes('taobao') || path.startsWith('/open/')
			? 'the refund (Taobao After-Sale → Get)'
			: 'the refund (1688 After-Sale → Get) and the order list (1688 Order → Get Many)';
	if (/\/cart\//.test(path))
		return path.includes('taobao') || path.startsWith('/open/cart')
			? 'the Taobao cart (Taobao Cart → Get Many) and your Taobao orders'
			: 'the 1688 cart (1688 Cart → Get Many) and the order list (1688 Order → Get Many)';
	if (/\/address\//.test(path)) return 'the address book (Address Book → Get Many)';
	if (path.includes('taobao') || path.startsWith('/open/order'))
		return 'the Taobao order (Taobao Order → Get)';
	return 'the order list (1688 Order → Get Many: payStatus, orderStatus)';
}
