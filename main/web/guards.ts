// The web host's doors: a per-run token, the Host header and the Origin header.
// A page on another site can reach 127.0.0.1 from a browser; these checks make sure it cannot drive
// the shipping desk (token: CSRF; Host: DNS rebinding; Origin: cross-site sockets and posts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SOCKET_TOKEN_PREFIX } from '../../shared/api/wire';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first makes both sides the same length. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined || given.length === 0 || given.length > 512) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The request target split by hand: `new URL` would read `//name/x` as another host. */
export function splitTarget(url: string | undefined): { path: string; query: URLSearchParams } {
  const target = url ?? '/';
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}

/**
 * The token, only from this request's own headers: `Authorization: Bearer T` (calls) or the socket's
 * subprotocol. Never a cookie (cookies are shared by every port of 127.0.0.1) nor the query (it lands
 * in the address bar, history and logs).
 */
export function presentedToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i);
  if (bearer?.[1]) return bearer[1];
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const carried = offered.find((p) => p.startsWith(SOCKET_TOKEN_PREFIX));
  return carried?.slice(SOCKET_TOKEN_PREFIX.length);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  // Node keeps only the first of repeated Host headers; a request with two is refused, not guessed at.
  const hosts = req.rawHeaders.filter((value, i) => i % 2 === 0 && value.toLowerCase() === 'host');
  if (hosts.length !== 1) return false;
  const host = req.headers.host?.toLowerCase();
  if (!host) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (port === 80) allowed.push('127.0.0.1', 'localhost');
  return allowed.includes(host);
}

/** `none` for clients that send no Origin (curl, scripts); browsers always send it on sockets and posts. */
export function originVerdict(req: IncomingMessage, port: number): 'none' | 'same' | 'foreign' {
  const origin = req.headers.origin;
  if (origin === undefined) return 'none';
  const same = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  if (port === 80) same.push('http://127.0.0.1', 'http://localhost');
  return same.includes(origin.toLowerCase()) ? 'same' : 'foreign';
}

/** What a refusal log line may say about a request: never the query, never a header that holds the token. */
export function describeRequest(req: IncomingMessage): string {
  const path = splitTarget(req.url).path.slice(0, 120);
  const origin = req.headers.origin === undefined ? '' : ` origin=${JSON.stringify(req.headers.origin.slice(0, 80))}`;
  const host = ` host=${JSON.stringify((req.headers.host ?? '').slice(0, 80))}`;
  return `${req.method ?? '?'} ${JSON.stringify(path)}${host}${origin} from ${req.socket.remoteAddress ?? '?'}`;
}
