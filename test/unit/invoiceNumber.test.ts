// Tracking-number rules (docs/CARRIERS.md "Number rules"), carrier by carrier: what blocks, what only warns, what passes.
import { describe, expect, it } from 'vitest';
import { CARRIER_IDS, type CarrierId } from '../../shared/carriers';
import {
  normalizeInvoiceNumber,
  sampleInvoiceNumber,
  validateInvoiceNumber,
} from '../../main/core/domain/invoiceNumber';

/** Independent oracle for "mod 7": the number formed by all digits but the last, modulo 7. */
const mod7 = (body: string): string => String(BigInt(body) % 7n);
const withMod7 = (body: string): string => body + mod7(body);
/** Same body, a check digit that mod 7 can never produce, so it is always wrong. */
const wrongMod7 = (body: string): string => `${body}9`;

/** The plain English sentences beside the codes. */
const messages = (issues: readonly { message: string }[]): string => issues.map((i) => i.message).join(' ');

function expectPass(n: string, id: CarrierId) {
  const r = validateInvoiceNumber(n, id);
  expect(r.errors, `${id} ${n}`).toEqual([]);
  expect(r.warnings, `${id} ${n}`).toEqual([]);
  expect(r.valid).toBe(true);
}
function expectWarn(n: string, id: CarrierId, text: RegExp) {
  const r = validateInvoiceNumber(n, id);
  expect(r.errors, `${id} ${n}`).toEqual([]);
  expect(r.valid).toBe(true);
  expect(messages(r.warnings), `${id} ${n}`).toMatch(text);
}
function expectBlock(n: string, id: CarrierId, text: RegExp) {
  const r = validateInvoiceNumber(n, id);
  expect(r.valid, `${id} ${n}`).toBe(false);
  expect(messages(r.errors), `${id} ${n}`).toMatch(text);
}

describe('the public sample numbers of docs/CARRIERS.md', () => {
  it.each([
    ['241743423084', 'kr.lotte'],
    ['353563075655', 'kr.cjlogistics'],
    ['422818520622', 'kr.hanjin'],
    ['93549899155', 'kr.logen'],
  ] as const)('%s passes for %s with no warning', (n, id) => expectPass(n, id));
});

describe('Lotte: 12 digits, mod 7, blocks', () => {
  it('blocks a wrong check digit and says which digit is right', () => {
    const r = validateInvoiceNumber('241743423085', 'kr.lotte');
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      {
        code: 'CHECK_DIGIT_MISMATCH',
        params: { carrierId: 'kr.lotte', position: 12, last: true, expected: 4 },
        message: 'The check digit does not match: the last digit should be 4 for a Lotte number.',
      },
    ]);
  });
  it('blocks other lengths and letters', () => {
    expect(validateInvoiceNumber('24174342308', 'kr.lotte').errors.map((e) => e.message)).toEqual([
      'Lotte numbers are 12 digits; this one has 11.',
    ]);
    expectBlock('2417434230840', 'kr.lotte', /12 digits; this one has 13/);
    expectBlock('24174342308A', 'kr.lotte', /Lotte numbers contain digits only; this one contains "A"/);
  });
});

describe.each(['kr.cjlogistics', 'kr.cupost'] as const)('%s: 10 or 12 digits block, mod 7 warns', (id) => {
  const name = id === 'kr.cupost' ? 'CU Post' : 'CJ Logistics';
  it('passes 12 and 10 digits with a matching check digit', () => {
    expectPass('353563075655', id);
    expectPass(withMod7('123456789'), id);
  });
  it('only warns on a wrong check digit, naming the carrier', () => {
    expectWarn(wrongMod7('35356307565'), id, new RegExp(`usual ${name} rule`));
    expectWarn(wrongMod7('123456789'), id, /check digit/);
  });
  it('blocks 11 or 13 digits and letters', () => {
    expectBlock('35356307565', id, new RegExp(`${name} numbers are 10 or 12 digits; this one has 11`));
    expectBlock('3535630756551', id, /this one has 13/);
    expectBlock('35356307565X', id, /digits only/);
  });
});

describe('Hanjin: 10, 12 or 14 digits block, mod 7 on 12 warns', () => {
  it('passes 12 digits with the check digit, 10 and 14 digits as they are', () => {
    expectPass('422818520622', 'kr.hanjin');
    expectPass('1234567890', 'kr.hanjin');
    expectPass('12345678901234', 'kr.hanjin');
  });
  it('warns on a wrong 12-digit check digit', () => {
    expectWarn(wrongMod7('42281852062'), 'kr.hanjin', /usual Hanjin rule \(the last digit would be 2\)/);
  });
  it('blocks 11 and 13 digits and letters', () => {
    expectBlock('42281852062', 'kr.hanjin', /10, 12 or 14 digits; this one has 11/);
    expectBlock('4228185206221', 'kr.hanjin', /this one has 13/);
    expectBlock('H22818520622', 'kr.hanjin', /digits only/);
  });
});

describe('Korea Post: 13 digits, no check digit', () => {
  it('passes any 13 digits and blocks the rest', () => {
    expectPass('6012345678901', 'kr.epost');
    expectBlock('601234567890', 'kr.epost', /Korea Post numbers are 13 digits; this one has 12/);
    expectBlock('60123456789012', 'kr.epost', /this one has 14/);
    expectBlock('601234567890A', 'kr.epost', /digits only/);
  });
});

describe('Logen: 11 digits, blocks only non-digits', () => {
  it('warns on a wrong check digit and on another length', () => {
    expectWarn(wrongMod7('9354989915'), 'kr.logen', /usual Logen rule/);
    expectWarn('935498991550', 'kr.logen', /Logen numbers are usually 11 digits; this one has 12/);
  });
  it('blocks letters and impossible lengths', () => {
    expectBlock('9354989915L', 'kr.logen', /digits only/);
    expectBlock('93549', 'kr.logen', /too short/);
  });
});

describe('Kyungdong, GS Postbox and the other domestic carriers: digits only, lengths warn', () => {
  const others = [
    'kr.kdexp',
    'kr.cvsnet',
    'kr.daesin',
    'kr.ilyanglogis',
    'kr.chunilps',
    'kr.kunyoung',
    'kr.coupangls',
  ] as const;
  it.each(others)('%s passes 12 digits, warns on 17, blocks letters and 5 digits', (id) => {
    expectPass('123456789012', id);
    expectWarn('12345678901234567', id, /usually .* digits; this one has 17/);
    expectBlock('12345678901A', id, /digits only/);
    expectBlock('12345', id, /too short/);
  });
  it('GS Postbox warns above 13 digits', () => {
    expectPass('1234567890123', 'kr.cvsnet');
    expectWarn('12345678901234', 'kr.cvsnet', /GS Postbox numbers are usually 9 to 13 digits; this one has 14/);
  });
});

describe('EMS and K-Packet: UPU S10, blocks', () => {
  it.each(['kr.epost.ems', 'un.upu.ems'] as const)('%s checks digit and country code', (id) => {
    expectPass('RB123456785GB', id);
    expectPass('EE123456785KR', id);
    expectBlock('RB123456786KR', id, /character 11 should be 5/);
    expectBlock('RB123456785XX', id, /"XX" is not a known one/);
    expectBlock('RB12345678KR', id, /does not look like/);
  });
  it('uses 5 when the weighted sum is divisible by 11, and 0 when the remainder is 1', () => {
    // 00000000: sum 0 -> 5. 00004000: sum 4 x 3 = 12, remainder 1 -> 0.
    expectPass('EE000000005KR', 'kr.epost.ems');
    expectBlock('EE000000000KR', 'kr.epost.ems', /should be 5/);
    expectPass('EE000040000KR', 'kr.epost.ems');
    expectBlock('EE000040001KR', 'kr.epost.ems', /should be 0/);
  });
});

describe('low-confidence international carriers block only impossible input', () => {
  it('Yamato and Sagawa are digits; other lengths only warn', () => {
    expectPass('123456789012', 'jp.yamato');
    expectWarn('1234567890', 'jp.sagawa', /usually 12 digits/);
    expectBlock('12345678901A', 'jp.yamato', /digits only/);
  });
  it('Cainiao and Lotte Global take letters and digits; unusual shapes only warn', () => {
    expectPass('LP00123456789012', 'cn.cainiao.global');
    expectWarn('AB1234567890', 'cn.cainiao.global', /usual Cainiao number/);
    expectBlock('LP0012345678/012', 'cn.cainiao.global', /contains "\/"/);
    expectWarn('LG12345678', 'kr.lotte.global', /usual Lotte Global number/);
  });
});

describe('normalisation', () => {
  it('turns full-width digits and letters into ASCII and upper-cases', () => {
    expect(normalizeInvoiceNumber('２４１７４３４２３０８４')).toBe('241743423084');
    expect(normalizeInvoiceNumber('ｌｐ００１２')).toBe('LP0012');
    expect(normalizeInvoiceNumber('1z5r89390357567127')).toBe('1Z5R89390357567127');
  });
  it('drops spaces and every kind of dash', () => {
    expect(normalizeInvoiceNumber(' 2417-4342 3084 ')).toBe('241743423084');
    expect(normalizeInvoiceNumber('2417\u20134342\u20143084\u2212\u3000')).toBe('241743423084');
    expect(normalizeInvoiceNumber('2417\uff0d4342\u00a03084')).toBe('241743423084');
  });
  it('strips scanner control characters and AIM identifiers', () => {
    expect(normalizeInvoiceNumber('\u0002241743423084\r\n')).toBe('241743423084');
    expect(normalizeInvoiceNumber('2417\u001d43423084\t')).toBe('241743423084');
    expect(normalizeInvoiceNumber(']C1241743423084')).toBe('241743423084');
    expect(normalizeInvoiceNumber('\u0002]E0 241743423084\u0003')).toBe('241743423084');
    expect(normalizeInvoiceNumber('\ufeff241743423084\u200b')).toBe('241743423084');
  });
  it('validates the normalised form', () => {
    const r = validateInvoiceNumber(' ２４１７-４３４２-３０８４\r\n', 'kr.lotte');
    expect(r).toMatchObject({ valid: true, normalized: '241743423084', errors: [], warnings: [] });
  });
  it('asks for a number when nothing is left', () => {
    expect(validateInvoiceNumber(' - \r\n', 'kr.lotte').errors).toEqual([
      { code: 'NUMBER_EMPTY', params: {}, message: 'Enter a tracking number.' },
    ]);
    expect(messages(validateInvoiceNumber('').errors)).toBe('Enter a tracking number.');
  });
});

describe('auto-detect', () => {
  it('offers several carriers for a 12-digit Korean number, check-digit matches first', () => {
    const r = validateInvoiceNumber('241743423084');
    expect(r.valid).toBe(true);
    expect(r.candidates.slice(0, 4)).toEqual(['kr.lotte', 'kr.cjlogistics', 'kr.hanjin', 'kr.cupost']);
    expect(r.candidates).not.toContain('kr.logen');
    expect(messages(r.warnings)).toMatch(/confirm the carrier/);
  });
  it('drops Lotte when its check digit fails but keeps CJ, whose check only warns', () => {
    const r = validateInvoiceNumber('241743423085');
    expect(r.candidates).not.toContain('kr.lotte');
    expect(r.candidates).toContain('kr.cjlogistics');
  });
  it('finds exactly UPS for a 1Z number', () => {
    const r = validateInvoiceNumber('1Z5R89390357567127');
    expect(r).toMatchObject({ valid: true, candidates: ['us.ups'], errors: [], warnings: [] });
  });
  it('computes candidates also when a carrier is given', () => {
    expect(validateInvoiceNumber('1Z5R89390357567127', 'kr.lotte').candidates).toEqual(['us.ups']);
  });
  it('explains a near miss and an impossible number', () => {
    expect(validateInvoiceNumber('1Z5R89390357567128').errors.map((e) => e.message)).toEqual([
      'The check digit does not match: the last digit should be 7 for a UPS number.',
    ]);
    expect(validateInvoiceNumber('12/34').errors[0]).toMatchObject({
      code: 'NUMBER_BAD_CHARACTER',
      params: { carrierId: null, character: '/', allowed: 'alnum' },
      message: expect.stringMatching(/contains "\/"/),
    });
    expect(validateInvoiceNumber('ABCDEFG').valid).toBe(false);
  });
});

describe('sampleInvoiceNumber', () => {
  it.each(CARRIER_IDS)('%s: 200 serials give distinct numbers valid with no warning', (id) => {
    const seen = new Set<string>();
    for (let serial = 0; serial < 200; serial++) {
      const n = sampleInvoiceNumber(id, serial * 7919);
      const r = validateInvoiceNumber(n, id);
      expect(r.errors, n).toEqual([]);
      expect(r.warnings, n).toEqual([]);
      expect(r.normalized).toBe(n);
      expect(r.candidates).toContain(id);
      seen.add(n);
    }
    expect(seen.size).toBe(200);
  });
  it.each(CARRIER_IDS)('%s: reaches 10,000,000 and is deterministic', (id) => {
    const top = sampleInvoiceNumber(id, 10_000_000);
    expect(validateInvoiceNumber(top, id).errors).toEqual([]);
    expect(top).not.toBe(sampleInvoiceNumber(id, 9_999_999));
    expect(sampleInvoiceNumber(id, 42)).toBe(sampleInvoiceNumber(id, 42));
  });
  it('refuses serials it cannot represent', () => {
    expect(() => sampleInvoiceNumber('kr.lotte', -1)).toThrow(RangeError);
    expect(() => sampleInvoiceNumber('kr.lotte', 1.5)).toThrow(RangeError);
    expect(() => sampleInvoiceNumber('kr.epost.ems', 100_000_000)).toThrow(RangeError);
  });
});
