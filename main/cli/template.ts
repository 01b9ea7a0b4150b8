// `shipdesk template --out FILE`: the Excel import template, through the dispatcher like every other
// call (imports.template), on an in-memory database since the template holds no data.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineCommand, noPositionals } from './command';
import { openCliCore, printJson } from './openCore';

const Download = z.object({ fileName: z.string(), bytesBase64: z.string() });

export const templateCommand = defineCommand(
  {
    invocation: 'shipdesk template',
    summary: 'Writes the Excel template for registering invoice numbers in bulk.',
    options: { out: { type: 'string' } },
    describe: { out: ['FILE', 'where to write the .xlsx file'] },
    required: ['out'],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const out = path.resolve(values.out ?? '');
    const core = openCliCore(':memory:', { autoRelease: false });
    if (!core) return 1;
    try {
      const envelope = await core.dispatch('imports.template', {}, { operator: '', via: 'api' });
      if (!envelope.ok) {
        printJson(envelope);
        return 1;
      }
      const bytes = Buffer.from(Download.parse(envelope.value).bytesBase64, 'base64');
      fs.writeFileSync(out, bytes);
      printJson({ ok: true, file: out, bytes: bytes.length });
      return 0;
    } finally {
      core.close();
    }
  },
);
