// The web host's access token, as the page carries it. The printed address has it in the fragment
// (#token=…), which browsers never send to any server. The page keeps it in sessionStorage (this tab,
// this origin = this port only), takes it out of the address bar at once, and presents it on the socket
// as a subprotocol (shared/api/wire.ts). No cookie: cookies reach every port of 127.0.0.1.
import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../../../shared/api/wire';

const KEY = 'shipdesk.webToken';
/** The same alphabet the host's tokens use (base64url); anything else is not ours. */
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

interface Where {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Reads the token from the address (then removes it from there) or from this tab's storage. */
export function takeWebToken(where: Where): string | null {
  const fragment = new URLSearchParams(where.location.hash.replace(/^#/, ''));
  const given = fragment.get('token');
  if (given !== null) {
    fragment.delete('token');
    const rest = fragment.toString();
    // Gone from the address bar (and so from bookmarks, screenshots and shared links) before anything else runs.
    where.history.replaceState(
      where.history.state,
      '',
      `${where.location.pathname}${where.location.search}${rest ? `#${rest}` : ''}`,
    );
    if (TOKEN.test(given)) {
      try {
        where.sessionStorage.setItem(KEY, given);
      } catch {
        // storage off: this load still works; a reload needs the printed address again
      }
      return given;
    }
  }
  try {
    const kept = where.sessionStorage.getItem(KEY);
    return kept !== null && TOKEN.test(kept) ? kept : null;
  } catch {
    return null;
  }
}

/** The subprotocols the page offers: the plain one (the host picks it) and the one carrying the token. */
export function socketProtocols(token: string | null): string[] {
  return token ? [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${token}`] : [SOCKET_PROTOCOL];
}
