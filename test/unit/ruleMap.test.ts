// The rule map stays true (docs/ARCHITECTURE.md "Where each rule lives"): every file and name its
// table points at exists, each decision is asked of main/core/domain by the station and by the hub,
// and no other file restates one (a copy would drift, as the hub's number check once did).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');

interface Entry {
  rule: string;
  /** Files (and folders) the row names, relative to the repository. */
  files: string[];
  /** Names the row says its last file exports. */
  names: { file: string; name: string }[];
}

/** The table's rows: in "where", a `path/with/slashes`, then bare `file.ts` beside it, then `names`. */
function ruleMap(): Entry[] {
  const doc = read('docs/ARCHITECTURE.md');
  const section = doc.slice(doc.indexOf('## Where each rule lives'));
  const rows = section
    .slice(0, section.indexOf('\n\n', section.indexOf('| --- |')))
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| rule') && !l.startsWith('| ---'));
  return rows.map((row) => {
    const [, rule = '', where = ''] = row.split('|').map((c) => c.trim());
    const entry: Entry = { rule, files: [], names: [] };
    let folder = '';
    let last = '';
    for (const [, token = ''] of where.matchAll(/`([^`]+)`/g)) {
      if (token.includes('/')) {
        last = token;
        folder = token.endsWith('/') ? token : path.posix.dirname(token) + '/';
        entry.files.push(token);
      } else if (/\.\w+$/.test(token)) {
        last = folder + token;
        entry.files.push(last);
      } else entry.names.push({ file: last, name: token });
    }
    return entry;
  });
}

/** A path of the table, with `*` standing for any characters in a file name. */
function existing(file: string): string[] {
  if (!file.includes('*')) return fs.existsSync(path.join(repo, file)) ? [file] : [];
  const dir = path.posix.dirname(file);
  const pattern = new RegExp(`^${path.posix.basename(file).replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
  return fs
    .readdirSync(path.join(repo, dir))
    .filter((f) => pattern.test(f))
    .map((f) => `${dir}/${f}`);
}

const exportsName = (file: string, name: string) =>
  new RegExp(`export\\s+(?:async\\s+)?(?:function|const|class|type|interface)\\s+${name}\\b`).test(read(file));

/** Source files of the product (main, shared, renderer), outside main/core/domain. */
function productFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'main', 'shared', 'renderer'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  );
  return listed
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('main/core/domain/') && fs.existsSync(path.join(repo, f)));
}

describe('the rule map in docs/ARCHITECTURE.md', () => {
  const map = ruleMap();

  it('has rows, and every file and folder it names exists', () => {
    expect(map.length).toBeGreaterThan(10);
    const missing = map.flatMap((e) => e.files.filter((f) => existing(f).length === 0).map((f) => `${e.rule}: ${f}`));
    expect(missing).toEqual([]);
  });

  it('names decisions its files export', () => {
    const names = map.flatMap((e) => e.names);
    expect(names.length).toBeGreaterThan(10);
    const absent = names.filter((n) => !n.file.endsWith('.ts') || !exportsName(n.file, n.name));
    expect(absent.map((n) => `${n.file}: ${n.name}`)).toEqual([]);
  });
});

/** Each decision of the domain, the files that must ask it there rather than decide themselves. */
const ASKED_BY: Record<string, { from: string; askedBy: string[] }> = {
  checkInvoiceNumber: {
    from: 'main/core/domain/numberCheck.ts',
    askedBy: ['main/core/services/invoices.ts', 'main/hub/rules.ts'],
  },
  judgeNumberHolders: {
    from: 'main/core/domain/numberHolders.ts',
    askedBy: ['main/core/services/invoices.ts', 'main/hub/rules.ts'],
  },
  recipientKey: {
    from: 'main/core/domain/recipient.ts',
    askedBy: ['main/core/services/invoices.ts', 'main/hub/poolRows.ts'],
  },
  mayRegister: {
    from: 'main/core/domain/invoiceRules.ts',
    askedBy: ['main/core/services/shipmentActions.ts'],
  },
  mayRegisterNumber: {
    from: 'main/core/domain/invoiceRules.ts',
    askedBy: ['main/core/services/invoices.ts', 'main/core/imports/checkRows.ts', 'main/hub/rules.ts'],
  },
  mayModifyNumber: {
    from: 'main/core/domain/invoiceRules.ts',
    askedBy: ['main/core/services/invoices.ts', 'main/core/imports/checkRows.ts', 'main/hub/rules.ts'],
  },
  mayChangeInvoice: {
    from: 'main/core/domain/invoiceRules.ts',
    askedBy: ['main/core/services/invoices.ts', 'main/core/services/shipmentActions.ts', 'main/hub/rules.ts'],
  },
  mayChangeAddress: {
    from: 'main/core/domain/invoiceRules.ts',
    askedBy: ['main/core/services/shipments.ts', 'main/core/services/shipmentActions.ts', 'main/hub/rules.ts'],
  },
  mayRegroup: {
    from: 'main/core/domain/regroupRules.ts',
    askedBy: ['main/core/services/shipmentActions.ts', 'main/hub/orderOps.ts'],
  },
  takesNewLines: {
    from: 'main/core/domain/regroupRules.ts',
    askedBy: ['main/core/orders/checkLines.ts', 'main/hub/orderOps.ts'],
  },
  maySplit: { from: 'main/core/domain/regroupRules.ts', askedBy: ['main/core/orders/splitMerge.ts'] },
  mayMerge: { from: 'main/core/domain/regroupRules.ts', askedBy: ['main/core/orders/splitMerge.ts'] },
};

/** The module a file imports `name` from, resolved to a repository path; null when it does not. */
function importedFrom(file: string, name: string): string | null {
  for (const m of read(file).matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const names = (m[1] ?? '').split(',').map((n) => n.replace(/^\s*type\s+/, '').trim());
    if (names.includes(name)) return path.posix.join(path.posix.dirname(file), `${m[2]}.ts`);
  }
  return null;
}

describe('one place decides', () => {
  it.each(Object.entries(ASKED_BY))('%s is asked of main/core/domain by the station and the hub', (name, d) => {
    expect(exportsName(d.from, name)).toBe(true);
    for (const file of d.askedBy) expect(importedFrom(file, name), `${file} imports ${name}`).toBe(d.from);
  });

  it('no file outside main/core/domain builds a refusal of these rules', () => {
    const codes = 'DUPLICATE_INVOICE|ADDRESS_LOCKED|CARRIER_NOT_FOR_REGION|INVALID_INVOICE_NUMBER|UNKNOWN_CARRIER';
    // The code with its sentence: `rejected('ADDRESS_LOCKED', '…')`, `new ShipdeskError('…', `…`)`,
    // `{ code: 'DUPLICATE_INVOICE', message: `…` }`. Passing on a refusal's own message is not building one.
    // A sentence has spaces; a list of codes (shared/errors.ts) has none.
    const sentence = `\\s*,\\s*(?:message:\\s*)?[\`'"][^\`'"\\n]* `;
    const building = new RegExp(`'(?:${codes})'${sentence}`);
    // INVALID_STATE also answers things that are no rule of the book (a restore under way, a voided
    // release); these are the book's sentences: registering, modifying, deleting, splitting, merging.
    const book = 'an invoice|no invoice|cannot take|cannot be (?:modified|deleted|split|merged)';
    const restatedState = new RegExp(`'INVALID_STATE'${sentence}[^\\n]*(?:${book})`, 'i');
    const restated = productFiles().filter((f) => building.test(read(f)) || restatedState.test(read(f)));
    expect(restated).toEqual([]);
  });

  it("outside the domain only a short, named list asks the helpers beneath the decisions; the hub's SQL keeps no rule", () => {
    const helpers =
      /\b(validateInvoiceNumber|checkNumberFor|canEditInvoice|canRegisterInvoice|canEditAddress|whyInvoiceLocked)\b/g;
    const allowed: Record<string, string[]> = {
      // The number check shown while typing (carriers.validate): which carriers the number fits, no decision.
      'main/core/services/carriers.ts': ['validateInvoiceNumber'],
      // The CLI's and the screen's reason for a locked action: words, the decision is mayChangeInvoice's.
      'main/core/services/shipmentActions.ts': ['whyInvoiceLocked'],
    };
    const uses = productFiles()
      .map((f) => ({ file: f, names: [...new Set([...read(f).matchAll(helpers)].map((m) => m[1] ?? ''))].sort() }))
      .filter((u) => u.names.length > 0);
    expect(uses.length).toBeGreaterThan(0);
    expect(Object.fromEntries(uses.map((u) => [u.file, u.names]))).toEqual(allowed);
    // A recipient comparison in SQL is the duplicate-holder rule restated (numberHolders.ts decides it).
    const sqlRule = /recipient_key\s*(<>|!=|IS DISTINCT FROM)\s*\$\d/i;
    const hub = productFiles().filter((f) => f.startsWith('main/hub/'));
    expect(hub.length).toBeGreaterThan(5);
    expect(hub.filter((f) => sqlRule.test(read(f)))).toEqual([]);
  });
});
