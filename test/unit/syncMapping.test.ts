// The mapping tables: tracker.delivery codes and Korean raw text to canonical codes, and carrier times.
import { describe, expect, it } from 'vitest';
import { parseEventTime } from '../../main/core/sync/eventTime';
import { API_STATUS_CODES, mapRawStatus, type RawStatus } from '../../main/core/sync/rawStatus';
import { TRACKING_CODES } from '../../shared/domain';

const raw = (statusCode: string | null, statusName: string | null, more: Partial<RawStatus> = {}): RawStatus => ({
  carrierId: 'kr.cjlogistics',
  statusCode,
  statusName,
  description: null,
  ...more,
});

describe('raw status mapping', () => {
  it('maps every documented tracker.delivery code to a canonical code', () => {
    expect(API_STATUS_CODES).toEqual({
      UNKNOWN: 'UNKNOWN',
      INFORMATION_RECEIVED: 'INFO_RECEIVED',
      AT_PICKUP: 'AT_PICKUP',
      IN_TRANSIT: 'IN_TRANSIT',
      OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
      ATTEMPT_FAIL: 'ATTEMPT_FAIL',
      DELIVERED: 'DELIVERED',
      AVAILABLE_FOR_PICKUP: 'AVAILABLE_FOR_PICKUP',
      EXCEPTION: 'EXCEPTION',
    });
    for (const code of Object.values(API_STATUS_CODES)) expect(TRACKING_CODES).toContain(code);
    expect(mapRawStatus(raw('in_transit', '간선상차'))).toEqual({ code: 'IN_TRANSIT', source: 'api' });
  });

  it.each([
    ['Korea Post 미배달 (attempt failed)', raw('UNKNOWN', '미배달', { carrierId: 'kr.epost' }), 'ATTEMPT_FAIL'],
    ['Korea Post 신청취소', raw('UNKNOWN', '신청취소', { carrierId: 'kr.epost' }), 'CANCELLED'],
    ['Korea Post 접수 취소 (spaced)', raw('INFORMATION_RECEIVED', '접수 취소', { carrierId: 'kr.epost' }), 'CANCELLED'],
    ['반송 in transit', raw('IN_TRANSIT', '반송'), 'RETURNING'],
    ['반품 with no code', raw(null, '반품 입고'), 'RETURNING'],
    ['a return delivered back to the sender', raw('DELIVERED', '반송 배달완료'), 'RETURNED'],
    ['취소 anywhere in the name', raw('UNKNOWN', '배송취소'), 'CANCELLED'],
    ['부재 (recipient absent)', raw('OUT_FOR_DELIVERY', '부재중 미배송'), 'ATTEMPT_FAIL'],
    ['Lotte 45 인수자등록 implies delivered', raw('UNKNOWN', '인수자등록', { carrierId: 'kr.lotte' }), 'DELIVERED'],
  ] as const)('%s', (_why, input, code) => {
    expect(mapRawStatus(input)).toEqual({ code, source: 'text' });
  });

  it('does not read an instruction as a failure, nor noise as a cancellation of a delivery', () => {
    // "부재 시 문 앞" on an out-for-delivery scan is what to do if nobody is home
    expect(mapRawStatus(raw('OUT_FOR_DELIVERY', '배송출발', { description: '부재 시 문 앞에 놓아주세요' })).code).toBe(
      'OUT_FOR_DELIVERY',
    );
    expect(mapRawStatus(raw('OUT_FOR_DELIVERY', '배송출발 (부재시 경비실)')).code).toBe('OUT_FOR_DELIVERY');
    // the description is read only when the code says nothing
    expect(mapRawStatus(raw('IN_TRANSIT', '간선하차', { description: '취소 문의는 고객센터로' })).code).toBe(
      'IN_TRANSIT',
    );
    expect(mapRawStatus(raw('UNKNOWN', '처리중', { description: '수취인 부재' })).code).toBe('ATTEMPT_FAIL');
    // a delivery is only re-read by a return
    expect(mapRawStatus(raw('DELIVERED', '배송완료 (취소불가)')).code).toBe('DELIVERED');
    // 인수자등록 is a Lotte signal only
    expect(mapRawStatus(raw('UNKNOWN', '인수자등록', { carrierId: 'kr.hanjin' }))).toEqual({
      code: 'UNKNOWN',
      source: 'api',
    });
  });

  it('keeps unknown codes as UNKNOWN, and says so', () => {
    expect(mapRawStatus(raw('TELEPORTED', '순간이동'))).toEqual({ code: 'UNKNOWN', source: 'unknown' });
    expect(mapRawStatus(raw(null, null))).toEqual({ code: 'UNKNOWN', source: 'api' });
  });
});

describe('carrier event times', () => {
  it('reads RFC 3339 with the carrier zone', () => {
    expect(parseEventTime('2026-11-26T09:30:00+09:00', 'kr.cjlogistics')).toEqual({
      ok: true,
      ms: Date.parse('2026-11-26T00:30:00Z'),
      zone: '+09:00',
      zoneAssumed: false,
    });
    expect(parseEventTime('2026-11-26T00:30:00.250Z', 'us.ups')).toEqual({
      ok: true,
      ms: Date.parse('2026-11-26T00:30:00.250Z'),
      zone: '+00:00',
      zoneAssumed: false,
    });
    expect(parseEventTime('2026-11-25 19:30:00-0500', 'us.ups')).toMatchObject({
      ok: true,
      ms: Date.parse('2026-11-26T00:30:00Z'),
      zone: '-05:00',
    });
  });

  it('reads a time without a zone in the carrier home zone, and flags it', () => {
    expect(parseEventTime('2026-11-26T09:30', 'kr.lotte')).toEqual({
      ok: true,
      ms: Date.parse('2026-11-26T00:30:00Z'),
      zone: '+09:00',
      zoneAssumed: true,
    });
    expect(parseEventTime('2026-11-26T08:30:00', 'cn.cainiao.global')).toMatchObject({
      ms: Date.parse('2026-11-26T00:30:00Z'),
      zone: '+08:00',
      zoneAssumed: true,
    });
    expect(parseEventTime('2026-11-26T00:30:00', 'de.dhl')).toMatchObject({
      ms: Date.parse('2026-11-26T00:30:00Z'),
      zoneAssumed: true,
    });
  });

  it.each([
    null,
    '',
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-11-26T24:00:00Z',
    '2026-11-26T10:00:00+15:00',
    '1764115200',
  ])('refuses %j', (text) => {
    expect(parseEventTime(text, 'kr.cjlogistics').ok).toBe(false);
  });
});
