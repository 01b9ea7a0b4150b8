// A workbook dragged anywhere over the screen: an overlay says where it goes; dropped, the import
// dialog opens and starts checking it. Import progress pushes are routed to the import too.
import { useEffect, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { useDialogs } from '../../stores/dialogs';
import { useImport } from './importStore';

const carriesFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));

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
      if (open && open.kind !== 'import') return; // another dialog is busy: ignore, do not lose its work
      useDialogs.getState().show({ kind: 'import' });
      void useImport.getState().start(client, file);
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
