// Every document a comment, a test or the README points to is in this repository: the project's notes
// live in docs/, and a citation of one names a file (and a section) that exists. Notes kept outside
// the repository are not cited; a citation of one fails here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const TEXT = /\.(ts|tsx|mts|mjs|cjs|js|md|json|yml|html|css)$|^\.ci\/run$/;
const SKIP = /^(test\/fixtures\/tracking_number_data\/|package-lock\.json$)/;

// Built from parts, so this file's own source does not match what it looks for.
const NOTE_NAMES = ['DESIGN', 'CARRIERS', 'CHANNELS', 'TOOLCHAIN', 'ARCHITECTURE'].join('|');
const NOTE = new RegExp(`(\\S*?)\\b(${NOTE_NAMES})\\.md`, 'g');
const DOCS_LINK = /\bdocs\/([\w-]+\.md)(?:[`']*\s*\(?"([^"\n]+)")?/g;
const OUTSIDE = [['/', 'work/'].join(''), ['peer', 'suites'].join('-')];

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((f) => f && TEXT.test(f) && !SKIP.test(f) && fs.existsSync(path.join(repo, f)));
}

function headingsOf(doc: string): Set<string> {
  return new Set(
    fs
      .readFileSync(path.join(repo, 'docs', doc), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .map((l) => l.replace(/^#+\s*/, '').trim()),
  );
}

interface Finding {
  where: string;
  what: string;
}

const headings = new Map<string, Set<string>>();

/** What is wrong with the citations in one file's text. */
function findingsIn(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    for (const m of line.matchAll(NOTE)) {
      if (!m[1]?.endsWith('docs/')) findings.push({ where, what: `${m[2]}.md is not in the repository; cite docs/` });
    }
    for (const outside of OUTSIDE) {
      if (line.includes(outside)) findings.push({ where, what: `points outside the repository (${outside})` });
    }
    for (const m of line.matchAll(DOCS_LINK)) {
      const doc = m[1] ?? '';
      if (!fs.existsSync(path.join(repo, 'docs', doc))) {
        findings.push({ where, what: `docs/${doc} does not exist` });
        continue;
      }
      const section = m[2];
      if (section === undefined) continue;
      if (!headings.has(doc)) headings.set(doc, headingsOf(doc));
      if (!headings.get(doc)?.has(section)) findings.push({ where, what: `docs/${doc} has no section "${section}"` });
    }
  });
  return findings;
}

describe("the project's documents", () => {
  it('exist: the architecture notes and the carrier notes', () => {
    for (const doc of ['ARCHITECTURE', 'CARRIERS'].map((name) => `${name}.md`)) {
      expect(fs.statSync(path.join(repo, 'docs', doc)).size, doc).toBeGreaterThan(2_000);
    }
  });

  it('are the only notes cited, by a file and section that exist', () => {
    const findings = trackedTextFiles().flatMap((file) =>
      findingsIn(file, fs.readFileSync(path.join(repo, file), 'utf8')),
    );
    expect(findings).toEqual([]);
  });

  it('a citation of a note outside the repository, or of a missing section, is caught', () => {
    const design = ['DESIGN', 'md'].join('.');
    const sample = [
      `// The status machine of ${design} §2 as pure functions.`,
      `// see docs/${design}`,
      '// see docs/CARRIERS' + '.md "Number rulez"',
      `// restore with cp -r ${OUTSIDE[0]}shared/x`,
      '// fine: docs/CARRIERS' + '.md "Number rules"',
    ].join('\n');
    expect(findingsIn('main/core/example.ts', sample).map((f) => f.where)).toEqual([
      'main/core/example.ts:1',
      'main/core/example.ts:2',
      'main/core/example.ts:3',
      'main/core/example.ts:4',
    ]);
  });
});
