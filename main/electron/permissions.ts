// Web permissions: denied, with one exception. The invoice "Copy" button needs clipboard writes,
// and Electron routes navigator.clipboard.writeText through the permission handlers.
import { isTrustedSender, type TrustedWindow } from './senderCheck';

const GRANTED_TO_OUR_WINDOW: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface PermissionAsk {
  permission: string;
  /** webContents id asking; null when Electron does not say. */
  webContentsId: number | null;
  requestingUrl: string | null | undefined;
  isMainFrame: boolean;
}

export function isPermissionGranted(ask: PermissionAsk, trusted: TrustedWindow): boolean {
  if (!GRANTED_TO_OUR_WINDOW.has(ask.permission) || ask.webContentsId === null) return false;
  return isTrustedSender(
    { senderId: ask.webContentsId, isMainFrame: ask.isMainFrame, senderFrameUrl: ask.requestingUrl },
    trusted,
  );
}
