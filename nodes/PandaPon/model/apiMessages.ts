/**
 * PandaPon answers refusals in Chinese (`msg`; doc-en.pandapon.com/doc-6055770, Error code). For the phrases the package
 * knows, the error message carries an English explanation beside PandaPon's own text, and for key, signature and
 * clock refusals it points to Account → Check Connection, which finds the cause on the user's own account. The
 * phrases are matched as substrings: PandaPon's exact wording is not published, so the table is easy to extend.
 */
const CHECK_CONNECTION = 'run PandaPon → Account → Check Connection to find which';

const KNOWN: Array<{ phrases: string[]; english: string }> = [
	{
		phrases: ['签名错误', '签名验证失败', '签名不正确', '签名无效', 'signature'],
		english: `the signature was refused: the Access Key, Access Secret or User ID is wrong, or the signature settings differ (${CHECK_CONNECTION})`,
	},
	{
		phrases: ['时间戳', 'timestamp'],
		english: `the request's time was refused: this machine's clock may be off (${CHECK_CONNECTION}, and by how much)`,
	},
	{
		phrases: ['accessKey', 'access-key', '密钥', '用户不存在', '无权限', '未授权'],
		english: `the keys were refused (${CHECK_CONNECTION})`,
	},
	{
		phrases: ['参数错误', '参数不合法', '格式错误'],
		english: 'a field is missing or has the wrong form',
	},
	{ phrases: ['系统繁忙', '系统异常', '服务异常'], english: 'PandaPon had a problem of its own' },
	{
		phrases: ['请求过于频繁', '限流'],
		english: 'too many requests: wait a moment before sending again',
	},
	{ phrases: ['订单已支付'], english: 'the order is already paid' },
	{ phrases: ['订单已取消'], english: 'the order is already cancelled' },
	{ phrases: ['子订单不存在'], english: 'no such sub-order in this order' },
	{ phrases: ['售后单不存在', '退款单不存在'], english: 'no such refund' },
	{ phrases: ['订单不存在'], english: 'no such order' },
	{ phrases: ['购物车商品不存在'], english: 'no such cart line' },
	{ phrases: ['商品不存在', '商品已下架'], english: 'no such product, or it is no longer on sale' },
	{ phrases: ['库存不足'], english: 'not enough stock' },
	{ phrases: ['余额不足'], english: 'not enough balance on the PandaPon account' },
	{ phrases: ['超过采购预算'], english: 'the order costs more than its budget' },
	{ phrases: ['退款金额超过'], english: 'the refund amount is more than can be refunded' },
	{ phrases: ['订单未付款'], english: 'the order is not paid yet' },
	{ phrases: ['订单状态不允许'], english: 'the order is not in a state that allows this' },
];

/** " (in English: …)" for a message the package knows, else "". */
export function englishFor(msg: string): string {
	const found = KNOWN.find(({ phrases }) =>
		phrases.some((phrase) => msg.toLowerCase().includes(phrase.toLowerCase())),
	);
	return found ? ` (in English: ${found.english})` : '';
}
