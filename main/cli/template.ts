// `shipdesk template [--orders] --out FILE`: the Excel import template (or with --orders the order
// template), through the dispatcher like every other call, on an in-memory database since the
// template holds no data.
import path from 'node:path';
import { z } from 'zod';
import { writeOperatorFile } from '../core/files/operatorFile';
import { defineCommand, noPositionals } from '../args/command';
import { openCliCore, printJson } from './openCore';

const Download = z.object({ fileName: z.string(), bytesBase64: z.string() });

export const templateCommand = defineCommand(
  {
    invocation: 'shipdesk template',
    summary: 'Writes the Excel template for registering invoice numbers in bulk (or, with --orders, for orders).',
    options: { out: { type: 'string' }, orders: { type: 'boolean' } },
    describe: {
      out: ['FILE', 'where to write the .xlsx file'],
      orders: ['', 'the order template (every order field, Korean and English headers) instead'],
    },
    required: ['out'],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const out = path.resolve(values.out ?? '');
    const core = openCliCore(':memory:', { autoRelease: false });
    if (!core) return 1;
    try {
      const method = values.orders === true ? 'orders.template' : 'imports.template';
      const envelope = await core.dispatch(method, {}, { operator: '', via: 'api' });
      if (!envelope.ok) {
        printJson(envelope);
        return 1;
      }
      const bytes = Buffer.from(Download.parse(envelope.value).bytesBase64, 'base64');
      writeOperatorFile(out, bytes);
      printJson({ ok: true, file: out, bytes: bytes.length });
      return 0;
    } finally {
      core.close();
    }
  },
);
