// A workbook dragged anywhere over the screen: an overlay says where it goes; dropped, the import
// dialog opens and starts checking it. Import progress pushes are routed to the import too.
import { useEffect, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { useDialogs } from '../../stores/dialogs';
import { useOrders } from '../orders/ordersStore';
import { useImport } from '../import/importStore';

const carriesFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Where a dropped file goes: to the order import when its dialog is open, or when the file is a
 * password-protected workbook (an order sheet as Naver downloads it; the invoice import never
 * reads those); everything else to the invoice import, as before.
 */
async function isOrderSheet(file: File, ordersOpen: boolean): Promise<boolean> {
  if (ordersOpen) return true;
  const head = new Uint8Array(await file.slice(0, OLE.length).arrayBuffer());
  return OLE.every((b, i) => head[i] === b);
}

export function useDropFile(): boolean {
  const client = useClient();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0; // dragenter/leave fire for every child crossed
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (carriesFiles(e)) e.preventDefault(); // lets the drop happen instead of the browser opening the file
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      const open = useDialogs.getState().open;
      if (open && open.kind !== 'import' && open.kind !== 'orders') return; // another dialog is busy: do not lose its work
      void isOrderSheet(file, open?.kind === 'orders').then((orders) => {
        useDialogs.getState().show({ kind: orders ? 'orders' : 'import' });
        if (orders) void useOrders.getState().start(client, file);
        else void useImport.getState().start(client, file);
      });
    };
    const offPush = client.onPush((event) => useImport.getState().onPush(event));
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      offPush();
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [client]);
  return dragging;
}
