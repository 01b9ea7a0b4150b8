// The Conflicts view's sentence for each kind of lost change, in both languages: a scan that lost to
// another station's number, and an import whose Shipment No. another station had for another order.
import { describe, expect, it } from 'vitest';
import type { ConflictItem } from '../../shared/api/contract';
import { conflictSentence } from '../../renderer/src/features/conflicts/ConflictsDialog';
import { translator } from '../../renderer/src/i18n';

const base: ConflictItem = {
  id: 1,
  shipmentNo: 'SD0010000001',
  kind: 'register',
  verdict: 'conflict',
  mine: {
    carrierId: 'kr.cjlogistics',
    invoiceNo: '350000044446',
    address: null,
    operator: 'kim',
    scanAt: '2026-11-26T01:02:00.000Z',
  },
  theirs: {
    carrierId: 'kr.cjlogistics',
    invoiceNo: '350000055554',
    address: null,
    operator: 'lee',
    scanAt: '2026-11-26T01:01:00.000Z',
  },
  station: 'B',
  at: '2026-11-26T01:01:30.000Z',
  reason: null,
  code: null,
  resolved: null,
};

describe('the conflict sentence', () => {
  it('says what this station scanned and what the other station registered', () => {
    expect(conflictSentence(base, translator('en'), 'en')).toMatch(
      /^You scanned CJ Logistics 350000044446 at .+; station B registered CJ Logistics 350000055554 at .+\.$/,
    );
    expect(conflictSentence(base, translator('ko'), 'ko')).toMatch(
      /CJ대한통운 350000044446을\(를\) 스캔했습니다\. 스테이션 B이\(가\) .+에 CJ대한통운 350000055554을\(를\) 등록했습니다\.$/,
    );
  });

  it('says an import lost its Shipment No. to another station’s order, never "scanned"', () => {
    const taken: ConflictItem = {
      ...base,
      kind: 'importOrders',
      code: 'SHIPMENT_NO_TAKEN',
      mine: { ...base.mine, carrierId: null, invoiceNo: null },
      theirs: { ...base.theirs!, carrierId: null, invoiceNo: null },
      station: 'C',
    };
    expect(conflictSentence(taken, translator('en'), 'en')).toMatch(
      /^You imported this parcel under this Shipment No\. at .+; station C already had this Shipment No\. for another order at .+\.$/,
    );
    expect(conflictSentence(taken, translator('ko'), 'ko')).toMatch(
      /이 출고번호로 주문을 가져왔습니다\. 스테이션 C이\(가\) .+에 이미 다른 주문에 이 출고번호를 쓰고 있었습니다\.$/,
    );
  });
});
