// Invisible characters at the contract: free text loses bidi and zero-width characters and refuses
// NUL; scanned identifiers lose every control and format character; download names lose them too.
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { baseName } from '../../main/core/imports/downloads';

const RLO = '\u202e';

describe('free text (names, addresses, reasons)', () => {
  const update = contract['settings.update'].input;
  const address = contract['shipments.updateAddress'].input;

  it('strips bidi overrides, isolates and zero-width spaces, keeps what scripts need', () => {
    const parsed = update.parse({ operatorName: `kim${RLO}gnp.exe\u2066\u200b\ufeff` });
    expect(parsed.operatorName).toBe('kimgnp.exe');
    expect(update.parse({ operatorName: '👩‍💻 이\u200c름' }).operatorName).toBe('👩‍💻 이\u200c름');
    const moved = address.parse({
      shipmentNo: 'SD0000000001',
      address: { country: 'KR', postalCode: '06236', line1: `서울 ${RLO}1 로란헤테`, line2: '' },
      reason: `typo\u2067 fixed`,
    });
    expect(moved.address.line1).toBe('서울 1 로란헤테');
    expect(moved.reason).toBe('typo fixed');
  });

  it('refuses NUL and other control characters with a reason, keeps tab and line breaks', () => {
    for (const bad of ['kim\u0000', 'a\u0007b', 'x\u001b[31m', 'c1\u0085']) {
      const r = update.safeParse({ operatorName: bad });
      expect(r.success, JSON.stringify(bad)).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.message).toMatch(/control characters \(such as NUL\)/);
    }
    const reason = contract['invoices.delete'].input.parse({ shipmentNo: 'SD0000000001', reason: 'line 1\nline\t2' });
    expect(reason.reason).toBe('line 1\nline\t2');
  });

  it('counts the limit after stripping, and an empty name after stripping is still empty', () => {
    // An empty name clears the setting (history then names the computer's user): invisible text is no name.
    expect(update.parse({ operatorName: RLO.repeat(3) }).operatorName).toBe('');
  });
});

describe('scanned identifiers', () => {
  it('lose scanner noise, NUL and bidi included', () => {
    const get = contract['shipments.get'].input;
    expect(get.parse({ shipmentNo: `\u0002SD0000000001\u0000${RLO}\r` }).shipmentNo).toBe('SD0000000001');
    const register = contract['invoices.register'].input.parse({
      shipmentNo: 'SD0000000001',
      carrierId: 'kr.lotte',
      invoiceNo: `\u001d6000000000${RLO}13\u0000`,
    });
    expect(register.invoiceNo).toBe('600000000013');
    expect(get.safeParse({ shipmentNo: '\u0000\u200b' }).success).toBe(false); // nothing left
  });
});

describe('download file names', () => {
  it('lose the right-to-left override and other invisible characters', () => {
    expect(baseName(`invoices${RLO}xslx.exe`)).toBe('invoicesxslx');
    expect(baseName(`주문\u2066목록\u0000.xlsx`)).toBe('주문목록');
    expect(baseName('a<b>c:d"e|f?g*h.csv')).toBe('abcdefgh');
  });
});
