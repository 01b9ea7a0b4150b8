// POST /rpc/<method> with a JSON body: the same dispatcher for scripts and curl.
// The caller has already checked Host, Origin and the token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/createCore';
import { sendJson, sendText } from './headers';
import { invalidInput } from '../../shared/api/wire';
import { boundsProblem } from './bounds';

export interface HttpRpcOptions {
  /** The core, or the desk that stands in for it (main/core/recovery/desk.ts): calls and pushes. */
  core: Pick<Core, 'dispatch' | 'events'>;
  operator: string;
  maxBodyBytes: number;
  /** Called with a one-line reason whenever a call is turned away. */
  refused(reason: string, status: number): void;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume(); // drain, so the 413 can still be written on this connection
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The method name from `/rpc/<method>`, or null when the path is not an RPC path. */
export function rpcMethodOf(path: string): string | null {
  const match = /^\/rpc\/([^/]{1,100})$/.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export async function answerHttpRpc(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  options: HttpRpcOptions,
): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
    options.refused('body too large', 413);
    sendText(res, 413, `The request body is larger than ${options.maxBodyBytes} bytes.`, { Connection: 'close' });
    req.resume();
    return;
  }
  // Requiring JSON keeps plain HTML forms (which cannot send it) out, on top of the Origin check.
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    options.refused('body is not JSON', 415);
    sendText(res, 415, 'Send the input as JSON with Content-Type: application/json.');
    req.resume();
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, options.maxBodyBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      options.refused('body too large', 413);
      sendText(res, 413, `The request body is larger than ${options.maxBodyBytes} bytes.`, { Connection: 'close' });
    } else res.destroy();
    return;
  }
  let input: unknown = undefined;
  const text = body.toString('utf8').trim();
  const tooMuch = boundsProblem(method, text);
  if (tooMuch) {
    options.refused('request over the limits', 200);
    sendJson(res, 200, invalidInput(tooMuch));
    return;
  }
  if (text.length > 0) {
    try {
      input = JSON.parse(text);
    } catch {
      sendJson(res, 200, invalidInput('The request body is not valid JSON.'));
      return;
    }
  }
  const envelope = await options.core.dispatch(method, input, { operator: options.operator, via: 'manual' });
  sendJson(res, 200, envelope);
}
