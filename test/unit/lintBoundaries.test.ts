// The layer boundaries fail the build: ESLint (the repo's own eslint.config.mjs, through its Node API)
// is run over small files placed as if they lived in each layer, and must refuse the wrong imports and
// accept the right ones.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: repo });

/**
 * The boundary error of each refused import line, for `code` placed at `file` (repo-relative; the file
 * need not exist). One message per line, however many patterns refuse it.
 */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, file) });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('\n'));
  const byLine = new Map<number, string>();
  for (const m of result.messages) {
    if (m.ruleId === 'no-restricted-imports' && m.severity === 2 && !byLine.has(m.line)) byLine.set(m.line, m.message);
  }
  return [...byLine.values()];
}

const use = (names: string) => `\nexport const used = [${names}];\n`;

describe('layer boundaries (eslint.config.mjs)', () => {
  it('main/core may not import electron, the shells, the renderer or tests', async () => {
    const errors = await boundaryErrors(
      'main/core/sync/boundaryFixture.ts',
      [
        "import { app } from 'electron';",
        "import { startWebHost } from '../../web/host';",
        "import { runCall } from '../../cli/call';",
        "import { startDemoCarrier } from '../../demoCarrier/demoCarrier';",
        "import { createClient } from '../../../renderer/src/api/client';",
        "import { startTestCore } from '../../../test/support/core';",
      ].join('\n') + use('app, startWebHost, runCall, startDemoCarrier, createClient, startTestCore'),
    );
    expect(errors).toHaveLength(6);
    expect(errors[0]).toMatch(/main\/core .* never electron/);
  });

  it('main/core may import core, shared/ and libraries', async () => {
    const errors = await boundaryErrors(
      'main/core/sync/boundaryFixture.ts',
      [
        "import { z } from 'zod';",
        "import path from 'node:path';",
        "import { contract } from '../../../shared/contract';",
        "import { openDatabase } from '../db/open';",
      ].join('\n') + use('z, path, contract, openDatabase'),
    );
    expect(errors).toEqual([]);
  });

  it('the renderer may not import main/, tests or Node modules', async () => {
    const errors = await boundaryErrors(
      'renderer/src/features/grid/boundaryFixture.ts',
      [
        "import { createCore } from '../../../../main/core/createCore';",
        "import type { Logger } from '../../../../main/core/log/logger';",
        "import { seedShipments } from '../../../../test/support/seed';",
        "import fs from 'node:fs';",
      ].join('\n') + use('createCore, seedShipments, fs'),
    );
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/renderer talks to the main process only through its client/);
    expect(
      await boundaryErrors('renderer/src/x.ts', "import { TABS } from '../../shared/domain';" + use('TABS')),
    ).toEqual([]);
  });

  it('shared/ imports only shared/ and zod', async () => {
    const errors = await boundaryErrors(
      'shared/api/boundaryFixture.ts',
      [
        "import fs from 'node:fs';",
        "import React from 'react';",
        "import { openDatabase } from '../../main/core/db/open';",
        "import pkg from '../../package.json';",
      ].join('\n') + use('fs, React, openDatabase, pkg'),
    );
    expect(errors).toHaveLength(4);
    const fine = await boundaryErrors(
      'shared/api/boundaryFixture.ts',
      [
        "import { z } from 'zod';",
        "import { ERROR_CODES } from '../errors';",
        "import { method } from './common';",
      ].join('\n') + use('z, ERROR_CODES, method'),
    );
    expect(fine).toEqual([]);
  });

  it('nothing under main/ imports tests, while tests import the product', async () => {
    const web = await boundaryErrors(
      'main/web/boundaryFixture.ts',
      "import { startFakeCarrier } from '../../test/fake-carrier/server';" + use('startFakeCarrier'),
    );
    expect(web).toHaveLength(1);
    expect(web[0]).toMatch(/never imports test code/);
    const test = await boundaryErrors(
      'test/integration/boundaryFixture.ts',
      "import { startCarrierServer } from '../../main/demoCarrier/server';" + use('startCarrierServer'),
    );
    expect(test).toEqual([]);
  });
});
