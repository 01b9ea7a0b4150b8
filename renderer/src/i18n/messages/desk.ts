// Settings, the barcode scanner, and the invoice panel's one message (the carrier choice).
export const en = {
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.system': 'Same as the system',
  'settings.language.ko': '한국어',
  'settings.language.en': 'English',
  'settings.saved': 'Settings saved.',
  'settings.saveFailed': 'Could not save the settings.',

  'scan.notShipment': 'Scanned {code}: not a shipment number. Open a shipment first, then scan its invoice.',

  'invoice.needNumber': 'Type or scan the invoice number.',
  'invoice.chooseCarrierFits': 'Choose the carrier: this number fits {carriers}.',
  'invoice.ruledOutChoose': 'Not a {carrier} number: {reason} Choose the carrier: it fits {carriers}.',
  'invoice.ruledOutDetected': 'Not a {carrier} number: {reason} {detected} is chosen, the only carrier it fits.',
  'invoice.validFor': 'Valid {carrier} number.',
  'invoice.validFits': 'Valid {carrier} number. {carriers} use numbers like this too.',
  'invoice.confirmWarningModify': 'Save despite the warning',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'settings.title': '설정',
  'settings.language': '언어',
  'settings.language.system': '시스템 설정과 같게',
  'settings.language.ko': '한국어',
  'settings.language.en': 'English',
  'settings.saved': '설정을 저장했습니다.',
  'settings.saveFailed': '설정을 저장하지 못했습니다.',

  'scan.notShipment': '{code} 스캔: 배송번호가 아닙니다. 배송 건을 먼저 연 뒤 송장을 스캔하세요.',

  'invoice.needNumber': '송장번호를 입력하거나 스캔하세요.',
  'invoice.chooseCarrierFits': '택배사를 선택하세요. 이 번호는 {carriers}의 번호일 수 있습니다.',
  'invoice.ruledOutChoose':
    '{carrier} 송장번호가 아닙니다. {reason} 택배사를 선택하세요. {carriers}의 번호일 수 있습니다.',
  'invoice.ruledOutDetected':
    '{carrier} 송장번호가 아닙니다. {reason} 이 번호에 맞는 유일한 택배사인 {detected}(으)로 정했습니다.',
  'invoice.validFor': '올바른 {carrier} 송장번호입니다.',
  'invoice.validFits': '올바른 {carrier} 송장번호입니다. {carriers}도 이런 번호를 씁니다.',
  'invoice.confirmWarningModify': '경고를 확인하고 저장',
};
