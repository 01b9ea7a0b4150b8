// What is wrong with a tracking number, and what to confirm: the codes of shared/numberIssues.ts.
export const en = {
  'number.NUMBER_EMPTY': 'Enter a tracking number.',
  'number.NUMBER_BAD_CHARACTER.digits': '{carrier} numbers contain digits only; this one contains "{character}".',
  'number.NUMBER_BAD_CHARACTER.alnum':
    '{carrier} numbers contain only letters and digits; this one contains "{character}".',
  'number.NUMBER_BAD_CHARACTER.any':
    'Tracking numbers contain only letters and digits; this one contains "{character}".',
  'number.NUMBER_TOO_SHORT': 'This is too short to be {aNumber} ({length} characters).',
  'number.NUMBER_TOO_LONG': 'This is too long to be {aNumber} ({length} characters).',
  'number.NUMBER_WRONG_LENGTH': '{carrier} numbers are {lengths} digits; this one has {length}.',
  'number.NUMBER_WRONG_SHAPE': 'This does not look like {aNumber} (expected {shape}).',
  'number.CHECK_DIGIT_MISMATCH': 'The check digit does not match: {where} should be {expected} for {aNumber}.',
  'number.UNKNOWN_COUNTRY_CODE': '{carrier} numbers end in a country code; "{country}" is not a known one.',
  'number.NO_CARRIER_FITS': 'This does not match the number format of any carrier we know.',
  'number.UNKNOWN_CARRIER': 'Unknown carrier "{carrier}".',
  'number.where.last': 'the last digit',
  'number.where.position': 'character {position}',
  'number.aNumber': 'a {carrier} number',
  'number.anNumber': 'an {carrier} number',
  'number.lengths.or': '{list} or {last}',
  'number.lengths.range': '{first} to {last}',

  'warning.CHECK_DIGIT_UNCONFIRMED':
    'The check digit does not match the usual {carrier} rule ({where} would be {expected}); the first lookup will confirm the number.',
  'warning.NUMBER_LENGTH_UNUSUAL': '{carrier} numbers are usually {lengths} digits; this one has {length}.',
  'warning.NUMBER_SHAPE_UNUSUAL': 'This does not look like a usual {carrier} number (expected {shape}).',
  'warning.SEVERAL_CARRIERS': 'Several carriers use numbers like this ({carriers}); confirm the carrier.',
  'warning.COMBINED_PACKING':
    '{invoiceNo} is also registered on {shipmentNo} for the same recipient (combined packing).',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'number.NUMBER_EMPTY': '송장번호를 입력하세요.',
  'number.NUMBER_BAD_CHARACTER.digits':
    '{carrier} 송장번호는 숫자로만 되어 있습니다. 이 번호에는 "{character}"이(가) 있습니다.',
  'number.NUMBER_BAD_CHARACTER.alnum':
    '{carrier} 송장번호는 영문자와 숫자로만 되어 있습니다. 이 번호에는 "{character}"이(가) 있습니다.',
  'number.NUMBER_BAD_CHARACTER.any':
    '송장번호는 영문자와 숫자로만 되어 있습니다. 이 번호에는 "{character}"이(가) 있습니다.',
  'number.NUMBER_TOO_SHORT': '{aNumber}로는 너무 짧습니다({length}자).',
  'number.NUMBER_TOO_LONG': '{aNumber}로는 너무 깁니다({length}자).',
  'number.NUMBER_WRONG_LENGTH': '{carrier} 송장번호는 {lengths}자리입니다. 이 번호는 {length}자리입니다.',
  'number.NUMBER_WRONG_SHAPE': '{aNumber} 형식이 아닙니다(형식: {shape}).',
  'number.CHECK_DIGIT_MISMATCH': '체크 디지트가 맞지 않습니다. {aNumber}라면 {where}가 {expected}이어야 합니다.',
  'number.UNKNOWN_COUNTRY_CODE':
    '{carrier} 송장번호는 국가 코드로 끝납니다. "{country}"은(는) 알 수 없는 국가 코드입니다.',
  'number.NO_CARRIER_FITS': '알고 있는 어느 택배사의 송장번호 형식과도 맞지 않습니다.',
  'number.UNKNOWN_CARRIER': '알 수 없는 택배사입니다: "{carrier}".',
  'number.where.last': '마지막 자리',
  'number.where.position': '{position}번째 자리',
  'number.aNumber': '{carrier} 송장번호',
  'number.anNumber': '{carrier} 송장번호',
  'number.lengths.or': '{list} 또는 {last}',
  'number.lengths.range': '{first}~{last}',

  'warning.CHECK_DIGIT_UNCONFIRMED':
    '체크 디지트가 {carrier}의 일반 규칙과 맞지 않습니다({where}는 {expected}이어야 함). 첫 조회 때 번호가 확인됩니다.',
  'warning.NUMBER_LENGTH_UNUSUAL': '{carrier} 송장번호는 보통 {lengths}자리입니다. 이 번호는 {length}자리입니다.',
  'warning.NUMBER_SHAPE_UNUSUAL': '일반적인 {carrier} 송장번호 형식이 아닙니다(형식: {shape}).',
  'warning.SEVERAL_CARRIERS': '여러 택배사가 이런 번호를 씁니다({carriers}). 택배사를 확인하세요.',
  'warning.COMBINED_PACKING': '{invoiceNo}은(는) 같은 수취인의 {shipmentNo}에도 등록되어 있습니다(합포장).',
};
