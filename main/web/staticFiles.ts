// Serves the built renderer from one folder: index.html for '/', known content types, and nothing
// outside the folder (no '..', no encoded tricks, no symlinks pointing out, no directory listings).
import { createReadStream, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { securityHeaders, sendText } from './headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export type StaticVerdict = { kind: 'file'; file: string } | { kind: 'bad-path' } | { kind: 'missing' };

export interface StaticFiles {
  /** Where a request path leads, decided without touching anything outside the folder. */
  resolve(rawPath: string): Promise<StaticVerdict>;
  send(req: IncomingMessage, res: ServerResponse, file: string): Promise<void>;
}

/** Decoded, checked path segments, or null when the path tries to leave the folder. */
function safeSegments(rawPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // Backslashes are separators on Windows; NUL truncates paths in some APIs. Neither belongs in a URL here.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return null;
  return segments;
}

export function createStaticFiles(rendererDir: string): StaticFiles {
  const root = realpathSync(rendererDir);
  const inside = (p: string) => p === root || p.startsWith(root + path.sep);

  return {
    async resolve(rawPath) {
      const segments = safeSegments(rawPath);
      if (!segments) return { kind: 'bad-path' };
      const relative = segments.length === 0 ? ['index.html'] : segments;
      const candidate = path.join(root, ...relative);
      if (!inside(candidate)) return { kind: 'bad-path' };
      try {
        const real = await realpath(candidate);
        if (!inside(real)) return { kind: 'bad-path' };
        const info = await stat(real);
        return info.isFile() ? { kind: 'file', file: real } : { kind: 'missing' };
      } catch {
        return { kind: 'missing' };
      }
    },

    async send(req, res, file) {
      const info = await stat(file);
      const ext = path.extname(file).toLowerCase();
      const type = CONTENT_TYPES[ext] ?? 'application/octet-stream';
      const isHtml = ext === '.html';
      res.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': type,
        'Content-Length': String(info.size),
        // HTML names the current build's scripts; never let a cache keep an old one.
        'Cache-Control': isHtml ? 'no-store' : 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      await new Promise<void>((resolve) => {
        const stream = createReadStream(file);
        stream.on('error', () => {
          res.destroy();
          resolve();
        });
        stream.on('end', resolve);
        stream.pipe(res);
      });
    },
  };
}

export function sendMissing(res: ServerResponse): void {
  sendText(res, 404, 'Not found.');
}
