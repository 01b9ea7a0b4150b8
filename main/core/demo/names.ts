// Data pools for buyers and addresses. Invented people on real-looking streets: road names and
// postal-code ranges follow the real districts so the grid reads like a Korean seller's desk.

export const KO_SURNAMES: readonly (readonly [string, number])[] = [
  ['김', 21],
  ['이', 15],
  ['박', 8],
  ['최', 5],
  ['정', 5],
  ['강', 2.5],
  ['조', 2.2],
  ['윤', 2.1],
  ['장', 2],
  ['임', 1.7],
  ['한', 1.5],
  ['오', 1.5],
  ['서', 1.3],
  ['신', 1.3],
  ['권', 1.3],
  ['황', 1.2],
  ['안', 1.2],
  ['송', 1.1],
  ['류', 1.1],
  ['홍', 1],
  ['전', 1],
  ['고', 0.9],
  ['문', 0.9],
  ['배', 0.8],
  ['남궁', 0.05],
  ['제갈', 0.03],
];

export const KO_GIVEN: readonly string[] = [
  '민준',
  '서준',
  '도윤',
  '예준',
  '시우',
  '하준',
  '지호',
  '주원',
  '지후',
  '준우',
  '건우',
  '현우',
  '우진',
  '선우',
  '연우',
  '유준',
  '정우',
  '승우',
  '승현',
  '시윤',
  '서연',
  '서윤',
  '지우',
  '서현',
  '하은',
  '민서',
  '하윤',
  '윤서',
  '지유',
  '지민',
  '채원',
  '수아',
  '지아',
  '다은',
  '예은',
  '수빈',
  '소율',
  '예린',
  '지원',
  '영수',
  '영희',
  '정훈',
  '지영',
  '은지',
  '성민',
  '미경',
  '혜진',
  '상훈',
  '수진',
  '동현',
  '민지',
  '재현',
  '경숙',
  '순자',
  '영호',
  '미영',
  '현정',
  '태윤',
  '하린',
  '유나',
];

export interface KoDistrict {
  city: string;
  district: string;
  /** Real postal-code range of the district (5 digits). */
  postal: readonly [number, number];
  roads: readonly string[];
  weight: number;
  /** Dawn delivery reaches the capital area only. */
  dawn: boolean;
}

export const KO_DISTRICTS: readonly KoDistrict[] = [
  {
    city: '서울특별시',
    district: '강남구',
    postal: [6000, 6399],
    roads: ['테헤란로', '강남대로', '도산대로', '논현로', '선릉로', '압구정로'],
    weight: 7,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '서초구',
    postal: [6500, 6999],
    roads: ['서초대로', '반포대로', '강남대로', '방배로'],
    weight: 5,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '송파구',
    postal: [5500, 5899],
    roads: ['올림픽로', '송파대로', '위례성대로', '오금로'],
    weight: 6,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '마포구',
    postal: [3900, 4199],
    roads: ['월드컵로', '양화로', '독막로', '와우산로'],
    weight: 5,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '영등포구',
    postal: [7200, 7499],
    roads: ['여의대로', '국제금융로', '영중로', '당산로'],
    weight: 4,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '성동구',
    postal: [4700, 4899],
    roads: ['왕십리로', '성수이로', '아차산로', '뚝섬로'],
    weight: 3,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '노원구',
    postal: [1600, 1899],
    roads: ['동일로', '노원로', '상계로', '한글비석로'],
    weight: 4,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '관악구',
    postal: [8700, 8899],
    roads: ['관악로', '남부순환로', '봉천로', '신림로'],
    weight: 4,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '종로구',
    postal: [3000, 3199],
    roads: ['종로', '율곡로', '자하문로', '대학로'],
    weight: 2,
    dawn: true,
  },
  {
    city: '서울특별시',
    district: '강서구',
    postal: [7500, 7899],
    roads: ['공항대로', '화곡로', '강서로', '마곡중앙로'],
    weight: 4,
    dawn: true,
  },
  {
    city: '경기도',
    district: '성남시 분당구',
    postal: [13400, 13699],
    roads: ['판교역로', '분당로', '황새울로', '정자일로'],
    weight: 5,
    dawn: true,
  },
  {
    city: '경기도',
    district: '수원시 영통구',
    postal: [16400, 16799],
    roads: ['광교중앙로', '영통로', '봉영로', '매영로'],
    weight: 4,
    dawn: true,
  },
  {
    city: '경기도',
    district: '고양시 일산동구',
    postal: [10300, 10499],
    roads: ['중앙로', '일산로', '장항로', '호수로'],
    weight: 3,
    dawn: true,
  },
  {
    city: '경기도',
    district: '용인시 수지구',
    postal: [16800, 16999],
    roads: ['수지로', '포은대로', '문정로', '신봉2로'],
    weight: 3,
    dawn: true,
  },
  {
    city: '경기도',
    district: '화성시',
    postal: [18100, 18599],
    roads: ['동탄대로', '동탄순환대로', '노작로', '병점중앙로'],
    weight: 4,
    dawn: true,
  },
  {
    city: '경기도',
    district: '부천시',
    postal: [14400, 14799],
    roads: ['길주로', '부천로', '소향로', '중동로'],
    weight: 3,
    dawn: true,
  },
  {
    city: '인천광역시',
    district: '연수구',
    postal: [21900, 22099],
    roads: ['컨벤시아대로', '송도과학로', '해돋이로', '센트럴로'],
    weight: 3,
    dawn: true,
  },
  {
    city: '부산광역시',
    district: '해운대구',
    postal: [48000, 48199],
    roads: ['해운대로', '센텀중앙로', '달맞이길', '좌동순환로'],
    weight: 4,
    dawn: false,
  },
  {
    city: '부산광역시',
    district: '부산진구',
    postal: [47100, 47399],
    roads: ['중앙대로', '서면로', '가야대로', '동평로'],
    weight: 3,
    dawn: false,
  },
  {
    city: '부산광역시',
    district: '수영구',
    postal: [48200, 48399],
    roads: ['광안해변로', '수영로', '남천동로'],
    weight: 2,
    dawn: false,
  },
  {
    city: '대구광역시',
    district: '수성구',
    postal: [42000, 42299],
    roads: ['달구벌대로', '동대구로', '들안로', '범어로'],
    weight: 3,
    dawn: false,
  },
  {
    city: '대전광역시',
    district: '유성구',
    postal: [34100, 34399],
    roads: ['대학로', '유성대로', '엑스포로', '계룡로'],
    weight: 2,
    dawn: false,
  },
  {
    city: '광주광역시',
    district: '서구',
    postal: [61900, 62099],
    roads: ['상무중앙로', '상무대로', '운천로'],
    weight: 2,
    dawn: false,
  },
  {
    city: '제주특별자치도',
    district: '제주시',
    postal: [63100, 63399],
    roads: ['연북로', '노형로', '도령로', '중앙로'],
    weight: 1,
    dawn: false,
  },
];

export const KO_APARTMENTS: readonly string[] = [
  '래미안',
  '자이',
  '힐스테이트',
  '푸르지오',
  'e편한세상',
  '아이파크',
  '롯데캐슬',
  '더샵',
  'SK뷰',
  '센트레빌',
];

export const KO_MEMOS: readonly (readonly [string, number])[] = [
  ['', 50],
  ['부재 시 경비실에 맡겨주세요', 10],
  ['문 앞에 놓아주세요', 12],
  ['배송 전 연락 부탁드립니다', 5],
  ['택배함에 넣어주세요', 4],
  ['공동현관 비밀번호 #1234*', 3],
  ['파손 주의 부탁드립니다', 2],
  ['벨 누르지 말고 문 앞에 두고 가주세요 (아기가 자고 있어요)', 1.5],
  ['부재 시 문 앞에 놓아주세요', 5],
  ['회사 1층 안내데스크에 맡겨주세요', 1.5],
  ['빠른 배송 부탁드려요!', 2],
  ['Please leave it at the door', 1.5],
  ['Call me before delivery please', 0.8],
];

export const INTL_MEMOS: readonly (readonly [string, number])[] = [
  ['', 60],
  ['Please leave with the doorman', 8],
  ['Call before delivery', 6],
  ['Gift - please do not include the invoice', 5],
  ['Leave at front porch if no answer', 8],
  ['Ring apartment 5B, buzzer is broken', 2],
  ['Fragile, handle with care', 3],
];

export interface IntlCity {
  /** The second address line: city and state/prefecture/region as carriers print it. */
  line2: string;
  postal: (h: number) => string;
}

export interface IntlCountry {
  code: string;
  weight: number;
  first: readonly string[];
  last: readonly string[];
  /** Family name first (JP, CN), as buyers there write it. */
  familyFirst: boolean;
  streets: readonly string[];
  cities: readonly IntlCity[];
  /** Phone from 8 random digits. */
  phone: (d: string) => string;
  /** Street line from a house number and a street name. */
  street: (no: number, street: string, unit: number) => string;
  /** Time zone of the country's delivery scans. */
  timeZone: string;
}

// Postal codes come from a 32-bit hash of the buyer, so a buyer keeps one address.
const inRange = (lo: number, hi: number, width: number) => (h: number) =>
  String(lo + (h % (hi - lo + 1))).padStart(width, '0');
const fixed = (code: string) => () => code;
/** A digit or two from other bits of the hash, for composite codes (150-0001, E1 6AN). */
const part = (h: number, shift: number, lo: number, hi: number) => String(lo + ((h >>> shift) % (hi - lo + 1)));
const pad2 = (s: string) => s.padStart(2, '0');

const EN_FIRST = [
  'James',
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Ethan',
  'Sophia',
  'Mason',
  'Mia',
  'Lucas',
  'Chloe',
  'Grace',
  'Daniel',
  'Hannah',
  'Ryan',
  'Jessica',
  'Kevin',
  'Sarah',
  'Michelle',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Wilson',
  'Taylor',
  'Anderson',
  'Thomas',
  'Lee',
  'Kim',
  'Park',
  'Nguyen',
  'Martin',
  'Clark',
];

export const INTL_COUNTRIES: readonly IntlCountry[] = [
  {
    code: 'US',
    weight: 38,
    first: EN_FIRST,
    last: EN_LAST,
    familyFirst: false,
    streets: [
      'Market St',
      'Broadway',
      'Main St',
      'Oak Ave',
      'Maple Dr',
      'Sunset Blvd',
      'Pine St',
      'Lake Shore Dr',
      'Elm St',
    ],
    cities: [
      { line2: 'San Francisco, CA', postal: inRange(94102, 94134, 5) },
      { line2: 'Los Angeles, CA', postal: inRange(90001, 90089, 5) },
      { line2: 'New York, NY', postal: inRange(10001, 10040, 5) },
      { line2: 'Seattle, WA', postal: inRange(98101, 98199, 5) },
      { line2: 'Fort Lee, NJ', postal: fixed('07024') },
      { line2: 'Austin, TX', postal: inRange(78701, 78759, 5) },
      { line2: 'Honolulu, HI', postal: inRange(96813, 96825, 5) },
    ],
    phone: (d) => `+1 ${['415', '213', '646', '206', '512'][Number(d[0]) % 5]}-555-01${d.slice(1, 3)}`,
    street: (no, s, unit) => (unit % 3 === 0 ? `${no} ${s}, Apt ${(unit % 40) + 1}` : `${no} ${s}`),
    timeZone: 'America/Los_Angeles',
  },
  {
    code: 'JP',
    weight: 20,
    familyFirst: true,
    first: ['Haruto', 'Yui', 'Sota', 'Hina', 'Riku', 'Yuna', 'Ren', 'Aoi', 'Yuki', 'Sakura', 'Kenta', 'Mio'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
    streets: ['Jingumae', 'Ebisu', 'Shinjuku', 'Umeda', 'Namba', 'Sakae', 'Tenjin'],
    cities: [
      { line2: 'Shibuya-ku, Tokyo', postal: (h) => `150-00${pad2(part(h, 0, 1, 46))}` },
      { line2: 'Shinjuku-ku, Tokyo', postal: (h) => `160-00${pad2(part(h, 0, 1, 23))}` },
      { line2: 'Kita-ku, Osaka', postal: (h) => `530-00${pad2(part(h, 0, 1, 57))}` },
      { line2: 'Naka-ku, Nagoya, Aichi', postal: (h) => `460-00${pad2(part(h, 0, 1, 26))}` },
      { line2: 'Chuo-ku, Fukuoka', postal: (h) => `810-00${pad2(part(h, 0, 1, 74))}` },
    ],
    phone: (d) => `+81 90-${d.slice(0, 4)}-${d.slice(4, 8)}`,
    street: (no, s, unit) => `${(no % 5) + 1}-${(no % 23) + 1}-${(unit % 15) + 1} ${s}`,
    timeZone: 'Asia/Tokyo',
  },
  {
    code: 'CN',
    weight: 10,
    familyFirst: true,
    first: ['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Yan', 'Hao', 'Xin', 'Jie', 'Ting'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu'],
    streets: ['Century Ave', 'Nanjing Rd', 'Huaihai Rd', 'Jianguo Rd', 'Tianhe Rd', 'Zhongshan Rd'],
    cities: [
      { line2: 'Pudong New District, Shanghai', postal: inRange(200120, 200137, 6) },
      { line2: 'Chaoyang District, Beijing', postal: inRange(100020, 100029, 6) },
      { line2: 'Tianhe District, Guangzhou', postal: inRange(510620, 510665, 6) },
      { line2: 'Nanshan District, Shenzhen', postal: inRange(518052, 518067, 6) },
    ],
    phone: (d) => `+86 138-${d.slice(0, 4)}-${d.slice(4, 8)}`,
    street: (no, s, unit) => `No. ${(no % 300) + 1} ${s}, Room ${(unit % 30) + 1}0${(no % 9) + 1}`,
    timeZone: 'Asia/Shanghai',
  },
  {
    code: 'DE',
    weight: 8,
    familyFirst: false,
    first: ['Lukas', 'Anna', 'Leon', 'Lena', 'Felix', 'Marie', 'Jonas', 'Laura', 'Paul', 'Sophie'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann'],
    streets: ['Friedrichstraße', 'Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Lindenallee'],
    cities: [
      { line2: 'Berlin', postal: inRange(10115, 10999, 5) },
      { line2: 'München', postal: inRange(80331, 81929, 5) },
      { line2: 'Hamburg', postal: inRange(20095, 22769, 5) },
      { line2: 'Frankfurt am Main', postal: inRange(60306, 60599, 5) },
    ],
    phone: (d) => `+49 151 ${d.slice(0, 4)} ${d.slice(4, 8)}`,
    street: (no, s) => `${s} ${(no % 180) + 1}`,
    timeZone: 'Europe/Berlin',
  },
  {
    code: 'GB',
    weight: 8,
    familyFirst: false,
    first: EN_FIRST,
    last: EN_LAST,
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue', 'Camden Road'],
    cities: [
      { line2: 'London', postal: (h) => `E${part(h, 0, 1, 17)} ${part(h, 8, 1, 9)}AN` },
      { line2: 'London', postal: (h) => `NW${part(h, 0, 1, 11)} ${part(h, 8, 1, 9)}DP` },
      { line2: 'Manchester', postal: (h) => `M${part(h, 0, 1, 40)} ${part(h, 8, 1, 9)}BH` },
      { line2: 'Edinburgh', postal: (h) => `EH${part(h, 0, 1, 17)} ${part(h, 8, 1, 9)}QS` },
    ],
    phone: (d) => `+44 7700 ${d.slice(0, 6)}`,
    street: (no, s, unit) =>
      unit % 4 === 0 ? `Flat ${(unit % 12) + 1}, ${(no % 200) + 1} ${s}` : `${(no % 200) + 1} ${s}`,
    timeZone: 'Europe/London',
  },
  {
    code: 'CA',
    weight: 6,
    familyFirst: false,
    first: EN_FIRST,
    last: EN_LAST,
    streets: ['Yonge St', 'King St W', 'Queen St E', 'Robson St', 'Granville St'],
    cities: [
      { line2: 'Toronto, ON', postal: (h) => `M5V ${part(h, 0, 1, 9)}T${part(h, 8, 1, 9)}` },
      { line2: 'Vancouver, BC', postal: (h) => `V6B ${part(h, 0, 1, 9)}A${part(h, 8, 1, 9)}` },
    ],
    phone: (d) => `+1 ${Number(d[0]) % 2 === 0 ? '416' : '604'}-555-01${d.slice(1, 3)}`,
    street: (no, s, unit) => (unit % 2 === 0 ? `${(unit % 30) + 1}0${(no % 9) + 1}-${no} ${s}` : `${no} ${s}`),
    timeZone: 'America/Toronto',
  },
  {
    code: 'AU',
    weight: 5,
    familyFirst: false,
    first: EN_FIRST,
    last: EN_LAST,
    streets: ['George St', 'Pitt St', 'Collins St', 'Flinders St', 'Queen St'],
    cities: [
      { line2: 'Sydney NSW', postal: inRange(2000, 2010, 4) },
      { line2: 'Melbourne VIC', postal: inRange(3000, 3008, 4) },
      { line2: 'Brisbane QLD', postal: inRange(4000, 4006, 4) },
    ],
    phone: (d) => `+61 4${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5, 8)}`,
    street: (no, s, unit) =>
      unit % 3 === 0 ? `Unit ${(unit % 20) + 1}, ${(no % 400) + 1} ${s}` : `${(no % 400) + 1} ${s}`,
    timeZone: 'Australia/Sydney',
  },
  {
    code: 'SG',
    weight: 5,
    familyFirst: false,
    first: ['Wei Ling', 'Jun Jie', 'Hui Min', 'Zhi Hao', 'Priya', 'Arjun', 'Siti', 'Nur'],
    last: ['Tan', 'Lim', 'Ng', 'Wong', 'Goh', 'Chua', 'Raj', 'Binte Ahmad'],
    streets: ['Orchard Road', 'Anson Road', 'Tampines Ave 5', 'Clementi Ave 3', 'Jurong East St 21'],
    cities: [{ line2: 'Singapore', postal: inRange(18900, 829999, 6) }],
    phone: (d) => `+65 9${d.slice(0, 3)} ${d.slice(3, 7)}`,
    street: (no, s, unit) =>
      `${(no % 500) + 1} ${s} #${String((unit % 30) + 1).padStart(2, '0')}-${String((no % 40) + 1).padStart(2, '0')}`,
    timeZone: 'Asia/Singapore',
  },
];
