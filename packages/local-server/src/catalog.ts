/** The local server's 1688 catalogue: sellers, offers and SKU specs, priced in fen. */
import { Random } from './random';

export interface Spec {
	specId: string;
	skuId: string;
	attributes: Array<{ name: string; value: string }>;
	priceFen: number;
	stock: number;
}

export interface Offer {
	offerId: string; // numeric v1 id (12 digits)
	offerMapId: string; // v2 mapped id
	subject: string;
	subjectTrans: string;
	categoryId: string;
	categoryName: string;
	sellerOpenId: string;
	sellerLoginId: string;
	unit: string;
	imageUrl: string;
	shippingFeeFen: number;
	specs: Spec[];
}

export interface Seller {
	sellerOpenId: string;
	sellerLoginId: string;
	nickname: string;
}

const TITLES: Array<[string, string, string, string]> = [
	['2024春季新款女包', 'Spring 2024 new handbag', '1038378', 'Handbags'],
	['24S跨境欧美潮牌工装短裤', 'Cross-border cargo shorts', '127380009', 'Shorts'],
	['纯棉圆领短袖T恤', 'Cotton crew-neck T-shirt', '127380010', 'T-shirts'],
	['不锈钢保温杯500ml', 'Stainless steel vacuum cup 500ml', '1042754', 'Drinkware'],
	['无线蓝牙耳机', 'Wireless Bluetooth earbuds', '1046726', 'Earphones'],
	['宠物猫抓板', 'Cat scratching board', '1039045', 'Pet supplies'],
	['硅胶手机壳', 'Silicone phone case', '1045311', 'Phone cases'],
	['瑜伽垫加厚', 'Thick yoga mat', '1037192', 'Fitness'],
	['儿童积木玩具', 'Kids building blocks', '1031910', 'Toys'],
	['LED小夜灯', 'LED night light', '1040108', 'Lighting'],
];
const COLORS = ['黑色', '白色', '红色', '蓝色', '灰色'];
const SIZES = ['S', 'M', 'L', 'XL'];
const SHOPS = [
	'斯嘉丽服装商行',
	'义乌市小商品批发',
	'广州白云皮具厂',
	'深圳数码配件',
	'杭州家居用品',
];

/** The offer of the public docs' samples, kept so its example bodies work against the local server. */
export const SAMPLE = {
	offerId: '743470146022',
	offerMapId: 'L0PTnwSnx_dWNZWCtgK7Gg',
	specId: 'e61a85a671bb3d0301d0412b51641c6b',
	sellerOpenId: 'BBBgGWh2O6JFI6v1aQuZVgRIA',
};

export class Catalog {
	readonly sellers: Seller[] = [];
	readonly offers: Offer[] = [];
	private readonly byMapId = new Map<string, Offer>();
	private readonly byOfferId = new Map<string, Offer>();

	constructor(seed = 1688) {
		const rnd = new Random(seed);
		for (let s = 0; s < SHOPS.length; s++) {
			this.sellers.push({
				sellerOpenId: s === 0 ? SAMPLE.sellerOpenId : `BBB${rnd.token(22)}`,
				sellerLoginId: SHOPS[s],
				nickname: `${SHOPS[s]}:${rnd.token(6).toLowerCase()}`,
			});
		}
		for (let i = 0; i < 50; i++) {
			const [subject, subjectTrans, categoryId, categoryName] = TITLES[i % TITLES.length];
			const seller = this.sellers[i % this.sellers.length];
			const specs: Spec[] = [];
			const specCount = rnd.int(1, 4);
			const basePrice = rnd.int(5, 300) * 100 + rnd.pick([0, 50, 90]);
			for (let k = 0; k < specCount; k++) {
				specs.push({
					specId: i === 0 && k === 0 ? SAMPLE.specId : rnd.hex(32),
					skuId: rnd.digits(13),
					attributes: [
						{ name: '颜色', value: COLORS[k % COLORS.length] },
						{ name: '尺码', value: SIZES[(i + k) % SIZES.length] },
					],
					priceFen: i === 0 && k === 0 ? 1900 : basePrice + k * 100,
					stock: i === 49 ? 0 : rnd.int(50, 5000),
				});
			}
			const offer: Offer = {
				offerId: i === 0 ? SAMPLE.offerId : rnd.digits(12),
				offerMapId: i === 0 ? SAMPLE.offerMapId : rnd.token(22),
				subject: `${subject} ${i + 1}`,
				subjectTrans: `${subjectTrans} ${i + 1}`,
				categoryId,
				categoryName,
				sellerOpenId: seller.sellerOpenId,
				sellerLoginId: seller.sellerLoginId,
				unit: '件',
				imageUrl: `http://cbu01.alicdn.com/img/ibank/O1CN01${rnd.token(16)}_!!0-0-cib.jpg`,
				shippingFeeFen: rnd.pick([0, 500, 700, 1000]),
				specs,
			};
			this.offers.push(offer);
			this.byMapId.set(offer.offerMapId, offer);
			this.byOfferId.set(offer.offerId, offer);
		}
	}

	offer(idOrMapId: string): Offer | undefined {
		return this.byMapId.get(idOrMapId) ?? this.byOfferId.get(idOrMapId);
	}

	seller(openId: string): Seller | undefined {
		return this.sellers.find((s) => s.sellerOpenId === openId);
	}
}
