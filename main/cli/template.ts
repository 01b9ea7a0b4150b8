// `shipdesk template --out FILE`: writes the Excel import template; `--orders`: the order template
// (no database needed).
import fs from 'node:fs';
import path from 'node:path';
import { templateDownload } from '../core/imports/downloads';
import { orderTemplateDownload } from '../core/orders/template';
import { rejectUnknownFlags, requireFlag, type ParsedArgs } from './args';

export const TEMPLATE_FLAGS = ['orders'] as const;

export async function runTemplate(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['out', 'orders']);
  const out = path.resolve(requireFlag(args, 'out'));
  const file = args.flags.get('orders') === true ? await orderTemplateDownload() : await templateDownload();
  const bytes = Buffer.from(file.bytesBase64, 'base64');
  fs.writeFileSync(out, bytes);
  process.stdout.write(JSON.stringify({ ok: true, file: out, bytes: bytes.length }) + '\n');
  return 0;
}
