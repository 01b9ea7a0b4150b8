// The sales channels orders come from. Data, not branches: a channel's order-sheet profile, its
// bulk-invoice layout and its carrier names are looked up by these ids (docs/ORDERS.md).

export const CHANNEL_IDS = [
  'naver',
  'coupang',
  'shopify',
  'amazon',
  'ebay',
  'esm',
  '11st',
  'cafe24',
  'kakao',
  'own',
  'other',
] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

export interface ChannelInfo {
  id: ChannelId;
  nameKo: string;
  nameEn: string;
  /** Other names desks write for the channel (in a Channel column, or as the demo's sales channel). */
  aliases: string[];
}

export const CHANNELS: readonly ChannelInfo[] = [
  {
    id: 'naver',
    nameKo: '네이버 스마트스토어',
    nameEn: 'Naver Smart Store',
    aliases: ['네이버', 'Naver', 'Smart Store', '스마트스토어'],
  },
  { id: 'coupang', nameKo: '쿠팡', nameEn: 'Coupang', aliases: ['쿠팡 윙', 'Coupang Wing', 'Wing'] },
  { id: 'shopify', nameKo: 'Shopify', nameEn: 'Shopify', aliases: ['쇼피파이'] },
  { id: 'amazon', nameKo: '아마존', nameEn: 'Amazon', aliases: ['Amazon Seller Central'] },
  { id: 'ebay', nameKo: '이베이', nameEn: 'eBay', aliases: [] },
  {
    id: 'esm',
    nameKo: 'G마켓·옥션',
    nameEn: 'Gmarket / Auction (ESM)',
    aliases: ['G마켓', '지마켓', '옥션', 'ESM', 'Gmarket', 'Auction'],
  },
  { id: '11st', nameKo: '11번가', nameEn: '11st', aliases: ['11 번가'] },
  { id: 'cafe24', nameKo: '카페24', nameEn: 'Cafe24', aliases: [] },
  { id: 'kakao', nameKo: '카카오톡 선물하기', nameEn: 'Kakao Gift', aliases: ['카카오', '카카오 선물하기', 'Kakao'] },
  { id: 'own', nameKo: '자사몰', nameEn: 'Own store', aliases: ['자사몰 글로벌', 'Own shop', 'Web shop'] },
  { id: 'other', nameKo: '기타', nameEn: 'Other', aliases: [] },
];

const byId = new Map<string, ChannelInfo>(CHANNELS.map((c) => [c.id, c]));

export function findChannel(id: string): ChannelInfo | undefined {
  return byId.get(id);
}

function key(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

const BY_NAME = new Map<string, ChannelId>();
for (const c of CHANNELS) {
  for (const name of [c.id, c.nameKo, c.nameEn, ...c.aliases])
    if (!BY_NAME.has(key(name))) BY_NAME.set(key(name), c.id);
}

/** A channel named the way a person or an older Shipdesk wrote it; undefined when nobody knows it. */
export function channelOfName(name: string): ChannelId | undefined {
  return BY_NAME.get(key(name));
}
