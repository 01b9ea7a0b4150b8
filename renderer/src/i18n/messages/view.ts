// What the operator sees of the list: toasts, rows that moved away, the connection, plurals.
// Plural messages come in forms named after Intl.PluralRules categories (`.one`, `.other`); see i18n/plural.ts.
export const en = {
  'toast.dismiss': 'Dismiss',
  'row.movedTo': 'Moved to {where}',
  'row.movedToShow': 'Moved to {where}: show {shipmentNo} there',
  'list.unreachable': 'Shipdesk cannot be reached right now. The list loads again as soon as the connection is back.',
  'connection.stale': 'The shipments shown may be out of date.',
  'connection.callFailed': 'Shipdesk did not answer: the connection dropped. Try again once it is back.',
  'sync.disconnected': 'Disconnected: reconnecting…',
  'excel.importAnother': 'Import another file',
  'excel.col.asWritten': 'As written',
  'list.countCapped.one': 'At least {n} shipment',
  'list.countCapped.other': '{n}+ shipments',
} as const;

export const ko: Record<keyof typeof en, string> = {
  'toast.dismiss': '닫기',
  'row.movedTo': '{where}(으)로 이동함',
  'row.movedToShow': '{where}(으)로 이동함: 그곳에서 {shipmentNo} 보기',
  'list.unreachable': '지금은 Shipdesk에 연결할 수 없습니다. 연결이 돌아오면 목록을 다시 불러옵니다.',
  'connection.stale': '표시된 배송 건은 최신이 아닐 수 있습니다.',
  'connection.callFailed': 'Shipdesk가 응답하지 않았습니다: 연결이 끊겼습니다. 연결이 돌아오면 다시 시도하세요.',
  'sync.disconnected': '연결 끊김: 다시 연결하는 중…',
  'excel.importAnother': '다른 파일 가져오기',
  'excel.col.asWritten': '입력한 값',
  'list.countCapped.one': '{n}건 이상',
  'list.countCapped.other': '{n}건 이상',
};
