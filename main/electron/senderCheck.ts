// Who may talk to the core: only the top frame of our own window, showing our own index.html.
// file:// pages have an opaque origin, so "our origin" means "our renderer file".
import { pathToFileURL } from 'node:url';

export interface SenderFacts {
  /** URL of the frame that sent the message; null when the frame is gone. */
  senderFrameUrl: string | null | undefined;
  isMainFrame: boolean;
  /** webContents id of the sender. */
  senderId: number;
}

export interface TrustedWindow {
  /** webContents id of the one Shipdesk window; null while there is none. */
  windowWebContentsId: number | null;
  /** file:// URL of the renderer's index.html (see appUrlFor). */
  appUrl: string;
}

export function appUrlFor(indexHtmlPath: string): string {
  return pathToFileURL(indexHtmlPath).href;
}

/** The document part of a file URL, or null if it is not a local file URL. */
function localFileOf(url: string): { host: string; path: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:') return null;
  let path: string;
  try {
    // Chromium and pathToFileURL may percent-encode differently; compare decoded paths.
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Windows paths are case-insensitive and the drive letter's case varies between APIs.
  if (/^\/[A-Za-z]:\//.test(path)) path = path.toLowerCase();
  return { host: parsed.host.toLowerCase(), path };
}

/** True when `url` is our index.html (any #hash or ?query is the renderer's own business). */
export function isAppUrl(url: string | null | undefined, appUrl: string): boolean {
  if (typeof url !== 'string') return false;
  const actual = localFileOf(url);
  const expected = localFileOf(appUrl);
  return actual !== null && expected !== null && actual.host === expected.host && actual.path === expected.path;
}

export function isTrustedSender(sender: SenderFacts, trusted: TrustedWindow): boolean {
  return (
    trusted.windowWebContentsId !== null &&
    sender.senderId === trusted.windowWebContentsId &&
    sender.isMainFrame === true &&
    isAppUrl(sender.senderFrameUrl, trusted.appUrl)
  );
}
