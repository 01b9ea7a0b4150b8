// What the demo seller sells, where from, and who works the desk. Plain data.

export interface CodeName {
  code: string;
  name: string;
}

export const WAREHOUSES: readonly CodeName[] = [
  { code: 'WH-ICN', name: '인천 1센터 Incheon 1' },
  { code: 'WH-GMP', name: '김포 2센터 Gimpo 2' },
  { code: 'WH-PUS', name: '부산 센터 Busan' },
  { code: 'WH-OVS', name: '해외배송센터 Overseas Hub' },
];

export const POLICIES: readonly CodeName[] = [
  { code: 'STD', name: '일반배송 Standard' },
  { code: 'FREE', name: '무료배송 Free shipping' },
  { code: 'DAWN', name: '새벽배송 Dawn delivery' },
];

export const OPTIONS: readonly CodeName[] = [
  { code: 'PARCEL', name: '택배 Parcel' },
  { code: 'QUICK', name: '퀵서비스 Quick' },
  { code: 'CVS', name: '편의점픽업 Convenience store pickup' },
  { code: 'EXPRESS', name: '해외특송 International express' },
];

// Index constants into the tables above (the generator works with indexes, ids come from the DB).
export const WH_ICN = 0;
export const WH_GMP = 1;
export const WH_PUS = 2;
export const WH_OVS = 3;
export const POL_STD = 0;
export const POL_FREE = 1;
export const POL_DAWN = 2;
export const OPT_PARCEL = 0;
export const OPT_QUICK = 1;
export const OPT_CVS = 2;
export const OPT_EXPRESS = 3;

/** The carriers the demo seller uses: domestic first, then international (indexes are stored). */
export const CARRIER_LIST = [
  'kr.cjlogistics',
  'kr.hanjin',
  'kr.lotte',
  'kr.epost',
  'kr.logen',
  'kr.epost.ems',
  'us.ups',
  'de.dhl',
  'us.fedex',
] as const;
export const FIRST_INTL_CARRIER = 5;
export const CJ = 0;
export const EMS = 5;

export const DOMESTIC_CHANNELS: readonly (readonly [string, number])[] = [
  ['네이버 스마트스토어', 35],
  ['쿠팡', 25],
  ['자사몰', 15],
  ['카카오톡 선물하기', 9],
  ['11번가', 8],
  ['G마켓', 8],
];

export const INTL_CHANNELS: readonly (readonly [string, number])[] = [
  ['Shopify', 60],
  ['자사몰 글로벌', 25],
  ['Qoo10', 15],
];

/** Option groups: a product uses one of these or none. */
const COLORS = ['블랙', '화이트', '네이비', '베이지', '그레이'];
const SIZES = ['S', 'M', 'L', 'XL'];
const SHOES = ['230', '240', '250', '260', '270'];

export const OPTION_GROUPS: readonly (readonly string[])[] = [
  [''],
  COLORS.map((c) => `색상: ${c}`),
  COLORS.flatMap((c) => SIZES.map((s) => `색상: ${c} / 사이즈: ${s}`)),
  COLORS.slice(0, 3).flatMap((c) => SHOES.map((s) => `색상: ${c} / 사이즈: ${s}`)),
  ['용량: 30ml', '용량: 50ml', '용량: 100ml'],
  ['수량: 1세트', '수량: 2세트 (+10% 할인)'],
  ['맛: 오리지널', '맛: 매운맛', '맛: 허니버터'],
  ['Color: Black', 'Color: White', 'Color: Pink'],
];

export interface Product {
  id: string;
  name: string;
  /** Index into OPTION_GROUPS. */
  options: number;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'P100234', name: '무선 이어폰 Wireless Earbuds', options: 1 },
  { id: 'P100251', name: '보조배터리 10000mAh Power Bank', options: 1 },
  { id: 'P100317', name: '기모 후드티 Fleece Hoodie', options: 2 },
  { id: 'P100342', name: '와이드 데님 팬츠 Wide Denim Pants', options: 2 },
  { id: 'P100388', name: '린넨 셔츠 Linen Shirt', options: 2 },
  { id: 'P100405', name: '캔버스 스니커즈 Canvas Sneakers', options: 3 },
  { id: 'P100461', name: '수분 크림 Moisture Cream', options: 4 },
  { id: 'P100479', name: '비타민C 세럼 Vitamin C Serum', options: 4 },
  { id: 'P100502', name: '선크림 SPF50+ Sunscreen', options: 0 },
  { id: 'P100533', name: '쿠션 팩트 Cushion Compact', options: 1 },
  { id: 'P100580', name: '녹차 티백 50개입 Green Tea Bags', options: 5 },
  { id: 'P100611', name: '제주 감귤 3kg Jeju Tangerines', options: 0 },
  { id: 'P100637', name: '김부각 Seaweed Chips', options: 6 },
  { id: 'P100702', name: '스테인리스 텀블러 500ml Tumbler', options: 1 },
  { id: 'P100718', name: '세라믹 머그컵 Ceramic Mug', options: 1 },
  { id: 'P100760', name: '극세사 이불 Microfiber Duvet', options: 1 },
  { id: 'P100784', name: '메모리폼 베개 Memory Foam Pillow', options: 0 },
  { id: 'P100809', name: '무선 충전기 Wireless Charger', options: 1 },
  { id: 'P100826', name: '기계식 키보드 Mechanical Keyboard', options: 7 },
  { id: 'P100853', name: '마우스패드 XL Mouse Pad', options: 0 },
  { id: 'P100901', name: '에코백 Canvas Tote Bag', options: 1 },
  { id: 'P100918', name: '요가 매트 8mm Yoga Mat', options: 1 },
  { id: 'P100944', name: '캠핑 의자 Camping Chair', options: 0 },
  { id: 'P101003', name: '강아지 간식 Dog Treats', options: 6 },
  { id: 'P101027', name: '고양이 모래 6L Cat Litter', options: 5 },
  { id: 'P101066', name: '유아 물티슈 10팩 Baby Wipes', options: 5 },
  { id: 'P101092', name: '핸드크림 세트 Hand Cream Set', options: 0 },
  { id: 'P101118', name: '한복 스카프 Hanbok Scarf', options: 1 },
  { id: 'P101140', name: 'K-POP 포토카드 바인더 Photocard Binder', options: 7 },
  { id: 'P101173', name: '아크릴 키링 Acrylic Keyring', options: 7 },
  { id: 'P101205', name: '다이어리 2027 Planner', options: 1 },
  { id: 'P101236', name: '젤펜 세트 Gel Pen Set', options: 5 },
  { id: 'P101259', name: '실리콘 주걱 Silicone Spatula', options: 1 },
  { id: 'P101282', name: '에어프라이어 종이호일 Air Fryer Liners', options: 5 },
  { id: 'P101310', name: 'LED 무드등 Mood Lamp', options: 7 },
  { id: 'P101347', name: '휴대용 선풍기 Handy Fan', options: 1 },
  { id: 'P101369', name: '여행용 파우치 Travel Pouch', options: 1 },
  { id: 'P101402', name: '양말 5켤레 Socks 5-pack', options: 2 },
  { id: 'P101425', name: '볼캡 Ball Cap', options: 1 },
  { id: 'P101458', name: '홍삼 스틱 30포 Red Ginseng Sticks', options: 5 },
];

/** Who registers invoices at the packing stations. */
export const OPERATORS: readonly (readonly [string, number])[] = [
  ['김지훈', 30],
  ['박소영', 25],
  ['이현우', 20],
  ['최유리', 12],
  ['Alex Kim', 8],
  ['정다은', 5],
];

export const VIA_WEIGHTS: readonly (readonly ['scan' | 'manual' | 'excel', number])[] = [
  ['scan', 55],
  ['manual', 27],
  ['excel', 18],
];

export const MODIFY_REASONS: readonly (string | null)[] = [
  '송장번호 오입력',
  '택배사 변경',
  '라벨 재출력',
  'Wrong label scanned',
  null,
];

export const DELETE_REASONS: readonly (string | null)[] = [
  '주소 변경으로 송장 재발행 예정',
  '고객 요청으로 출고 보류',
  '재고 부족으로 출고 보류',
  'Duplicate label',
  null,
];
