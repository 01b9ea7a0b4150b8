// Buyers derived from a buyer number by hashing, not from the random stream: a repeat buyer or an
// exchange order finds the same person, phone and address again without storing them.
import { hash32, Weighted } from './random';
import {
  INTL_COUNTRIES,
  KO_APARTMENTS,
  KO_DISTRICTS,
  KO_GIVEN,
  KO_SURNAMES,
  type IntlCountry,
  type KoDistrict,
} from './names';

export interface Person {
  name: string;
  phone: string;
  country: string;
  postalCode: string;
  line1: string;
  line2: string;
  /** Capital area: dawn delivery and quick service reach it. */
  capital: boolean;
  /** For international buyers: the zone of delivery scans. */
  timeZone: string;
  /** Where the last-mile scans happen: a delivery branch (서울강남) or a city (SAN FRANCISCO, US). */
  branch: string;
}

/** 서울특별시 강남구 → 서울강남, 경기도 성남시 분당구 → 성남분당, 제주특별자치도 제주시 → 제주. */
function branchName(d: KoDistrict): string {
  const stem = d.district
    .split(' ')
    .map((w) => w.replace(/[시구]$/, ''))
    .join('');
  const city = d.city.slice(0, 2);
  if (d.city === '경기도') return stem;
  return stem === city ? city : city + stem;
}

const surnames = new Weighted(KO_SURNAMES);
const branches = new Map<KoDistrict, string>(KO_DISTRICTS.map((d) => [d, branchName(d)]));
const districts = new Weighted<KoDistrict>(KO_DISTRICTS.map((d) => [d, d.weight] as const));
const countries = new Weighted<IntlCountry>(INTL_COUNTRIES.map((c) => [c, c.weight] as const));

const U32 = 4294967296;
const at = <T>(items: readonly T[], h: number): T => items[h % items.length] as T;
// 0000…9999, built once: phone numbers are made a million times.
const DIGITS4 = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));
const digits4 = (h: number) => DIGITS4[h % 10_000] as string;

/** Share of buyers shipping inside Korea (permille). */
const DOMESTIC_PERMILLE = 850;

export function isDomesticBuyer(seed: number, buyer: number): boolean {
  return hash32(seed, buyer) % 1000 < DOMESTIC_PERMILLE;
}

export function koreanName(h: number): string {
  return surnames.at((h >>> 8) / 16777216) + at(KO_GIVEN, h & 0xff);
}

function koreanLine2(h: number): string {
  const kind = h % 20;
  if (kind < 11) {
    const dong = 101 + ((h >>> 5) % 12);
    const ho = `${1 + ((h >>> 9) % 25)}0${1 + ((h >>> 14) % 4)}`;
    return `${at(KO_APARTMENTS, h >>> 17)} ${dong}동 ${ho}호`;
  }
  if (kind < 16) return `${2 + ((h >>> 5) % 4)}0${1 + ((h >>> 9) % 3)}호`;
  if (kind < 19) return `${2 + ((h >>> 5) % 14)}층`;
  return '';
}

function domestic(seed: number, buyer: number): Person {
  const h1 = hash32(seed ^ 0x5bd1e995, buyer);
  const h2 = hash32(h1, 2);
  const h3 = hash32(h1, 3);
  const d = districts.at(h2 / U32);
  const [lo, hi] = d.postal;
  return {
    name: koreanName(h1),
    phone: `010-${digits4(h2)}-${digits4(h3)}`,
    country: 'KR',
    postalCode: String(lo + (h3 % (hi - lo + 1))).padStart(5, '0'),
    line1: `${d.city} ${d.district} ${at(d.roads, h1 >>> 3)} ${1 + ((h2 >>> 7) % 420)}`,
    line2: koreanLine2(hash32(h1, 4)),
    capital: d.dawn,
    timeZone: 'Asia/Seoul',
    branch: branches.get(d) ?? '',
  };
}

function international(seed: number, buyer: number): Person {
  const h1 = hash32(seed ^ 0x68e31da4, buyer);
  const h2 = hash32(h1, 2);
  const h3 = hash32(h1, 3);
  const c = countries.at(h1 / U32);
  const first = at(c.first, h2);
  const last = at(c.last, h2 >>> 11);
  const city = at(c.cities, h3);
  return {
    name: c.familyFirst ? `${last} ${first}` : `${first} ${last}`,
    phone: c.phone(String(h3 % 100000000).padStart(8, '0')),
    country: c.code,
    postalCode: city.postal(hash32(h1, 5)),
    line1: c.street(1 + (h2 % 9000), at(c.streets, h3 >>> 7), h3 >>> 13),
    line2: city.line2,
    capital: false,
    timeZone: c.timeZone,
    branch: `${(city.line2.split(',')[0] ?? city.line2).toUpperCase()}, ${c.code}`,
  };
}

export function personOf(seed: number, buyer: number): Person {
  return isDomesticBuyer(seed, buyer) ? domestic(seed, buyer) : international(seed, buyer);
}
