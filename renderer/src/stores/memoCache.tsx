// The buyer's shipping request for the memo tooltip. Rows only say whether there is one, so the
// text is fetched on first hover/focus and remembered (it is written at checkout and rarely changes).
import { create } from 'zustand';
import type { ShipdeskClient } from '../api/client';
import { useT } from '../i18n';

export type Memo = { state: 'loading' } | { state: 'ready'; text: string } | { state: 'failed' };

interface MemoState {
  memos: Record<string, Memo>;
  fetch(client: ShipdeskClient, shipmentNo: string): void;
}

export const useMemos = create<MemoState>((set, get) => ({
  memos: {},
  fetch(client, shipmentNo) {
    const known = get().memos[shipmentNo];
    if (known && known.state !== 'failed') return;
    const put = (memo: Memo) => set((s) => ({ memos: { ...s.memos, [shipmentNo]: memo } }));
    put({ state: 'loading' });
    client.call('shipments.get', { shipmentNo }).then(
      (answer) => put(answer.ok ? { state: 'ready', text: answer.value.memo } : { state: 'failed' }),
      () => put({ state: 'failed' }),
    );
  },
}));

export function MemoText({ memo }: { memo: Memo | undefined }) {
  const t = useT();
  return (
    <span className="tooltip-memo">
      {!memo || memo.state === 'loading'
        ? t('row.memoLoading')
        : memo.state === 'failed'
          ? t('row.memoFailed')
          : memo.text}
    </span>
  );
}
