// Settings and the barcode scanner.
export const en = {
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.system': 'Same as the system',
  'settings.language.ko': '한국어',
  'settings.language.en': 'English',
  'settings.saved': 'Settings saved.',
  'settings.saveFailed': 'Could not save the settings.',

  'scan.notShipment': 'Scanned {code}: not a shipment number. Open a shipment first, then scan its invoice.',
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
};
