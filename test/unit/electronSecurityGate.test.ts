// The Electron security gate: Electronegativity over the sources and the built output, failing on
// any finding above INFORMATIONAL that security/electronegativity-allow.json does not justify, and
// the checklist items the other Electron tests do not already cover.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filesUnder, scan, type Finding } from '../support/electronegativity';

const repo = path.resolve(__dirname, '../..');
const Allow = z.object({
  findings: z.array(z.object({ check: z.string(), file: z.string(), reason: z.string().min(40) })),
});
const allow = Allow.parse(
  JSON.parse(fs.readFileSync(path.join(repo, 'security/electronegativity-allow.json'), 'utf8')),
);

const SOURCES = [
  ...filesUnder('main/electron', ['.ts']),
  ...filesUnder('renderer/src', ['.ts', '.tsx']),
  'renderer/index.html',
  'package.json',
];
const BUILT = [...filesUnder('dist/main', ['.cjs']), ...filesUnder('dist/renderer', ['.js', '.html'])];

const aboveInformational = (f: Finding) => f.severity.value > 0;
const justified = (f: Finding) => allow.findings.some((a) => a.check === f.id && a.file === f.relative);
const describeFinding = (f: Finding) =>
  `${f.id} (${f.severity.name}, ${f.confidence.name}) ${f.relative}:${f.location.line}`;

describe('Electronegativity', () => {
  let all: Finding[] = [];

  it('finds nothing above informational in the sources that the allow-list does not justify', async () => {
    expect(SOURCES.filter((f) => f.startsWith('main/electron/')).length).toBeGreaterThan(5);
    const findings = await scan(SOURCES);
    all.push(...findings);
    console.info(`electronegativity, sources: ${findings.map(describeFinding).join('; ') || 'no findings'}`);
    expect(
      findings
        .filter(aboveInformational)
        .filter((f) => !justified(f))
        .map(describeFinding),
    ).toEqual([]);
  }, 120_000);

  it('finds nothing above informational in the built output (.cjs read as JavaScript)', async () => {
    const bundles = BUILT.filter((f) => f.endsWith('.cjs'));
    expect(bundles, 'run `npm run build` first (npm test does)').toContain('dist/main/electron.cjs');
    expect(bundles).toContain('dist/main/preload.cjs');
    const findings = await scan(BUILT);
    all.push(...findings);
    // The .cjs bundles really were read: the scanner reports on dist/main/electron.cjs.
    expect(findings.some((f) => f.relative === 'dist/main/electron.cjs')).toBe(true);
    console.info(`electronegativity, built: ${findings.map(describeFinding).join('; ') || 'no findings'}`);
    expect(
      findings
        .filter(aboveInformational)
        .filter((f) => !justified(f))
        .map(describeFinding),
    ).toEqual([]);
  }, 120_000);

  it('has no stale allow-list entry: each one still matches a finding', () => {
    expect(all.length).toBeGreaterThan(0);
    const stale = allow.findings.filter((a) => !all.some((f) => f.id === a.check && f.relative === a.file));
    expect(stale).toEqual([]);
    all = [];
  });

  it('would fail on a real weakness: an unisolated, unsandboxed window on http is reported', async () => {
    const dir = path.join(repo, '.tmp', 'electronegativity');
    fs.mkdirSync(dir, { recursive: true });
    const bad = path.join(dir, 'weak.cjs');
    fs.writeFileSync(
      bad,
      "const { BrowserWindow } = require('electron');\n" +
        "new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } }).loadURL('http://example.invalid');\n",
    );
    const findings = await scan([path.relative(repo, bad)]);
    expect(findings.filter(aboveInformational).map((f) => f.id)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK']),
    );
  }, 120_000);
});

describe('Electron security checklist items not covered elsewhere', () => {
  const mainSource = fs.readFileSync(path.join(repo, 'main/electron/main.ts'), 'utf8');
  const shell = [...filesUnder('main', ['.ts']), ...filesUnder('dist/main', ['.cjs'])];

  it('never hands a URL to the operating system (shell.openExternal) and enables no Blink feature', () => {
    for (const file of shell) {
      const text = fs.readFileSync(path.join(repo, file), 'utf8');
      expect(text.includes('openExternal'), file).toBe(false);
      expect(/enableBlinkFeatures\s*:/.test(text), file).toBe(false);
      expect(/allowpopups/i.test(text), file).toBe(false);
    }
  });

  it('turns the sandbox on for every renderer before the app is ready', () => {
    const sandbox = mainSource.indexOf('app.enableSandbox()');
    expect(sandbox).toBeGreaterThan(0);
    expect(sandbox).toBeLessThan(mainSource.indexOf('app.whenReady()'));
  });

  it('pins a current Electron (45 or later), exactly', () => {
    const manifest = z
      .object({ devDependencies: z.record(z.string(), z.string()) })
      .parse(JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')));
    const version = manifest.devDependencies['electron'] ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});
