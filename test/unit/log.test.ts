// The one logger: one JSON line per entry, levels, fields on every line, no phone number, address or
// secret in any line, a size-capped rotating file, and push listeners whose failures are logged.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvents } from '../../main/core/push/events';
import { createLogger, logLevelFrom } from '../../main/core/log/logger';
import { rotatingFileSink } from '../../main/core/log/rotatingFile';
import { captureLog } from '../support/log';
import { tempDir } from '../support/core';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('log lines', () => {
  it('are one JSON object each: time, level, message, then the fields', () => {
    const lines: string[] = [];
    const log = createLogger({
      sinks: [{ write: (l) => void lines.push(l) }],
      clock: () => Date.parse('2026-11-20T00:00:00Z'),
      fields: { scope: 'web' },
    });
    log.warn('web host refused a request', { status: 401, reason: 'missing token\nsecond line' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '2026-11-20T00:00:00.000Z',
      level: 'warn',
      message: 'web host refused a request',
      scope: 'web',
      status: 401,
      reason: 'missing token\nsecond line',
    });
    expect(Object.keys(JSON.parse(lines[0] ?? '{}')).slice(0, 3)).toEqual(['time', 'level', 'message']);
  });

  it('below the chosen level are dropped; SHIPDESK_LOG_LEVEL picks it, a typo keeps the default', () => {
    const { log, lines } = captureLog('warn');
    log.debug('detail');
    log.info('started');
    log.warn('slow carrier');
    log.error('failed');
    expect(lines.map((l) => l.level)).toEqual(['warn', 'error']);
    expect(logLevelFrom('DEBUG', 'warn')).toBe('debug');
    expect(logLevelFrom('verbose', 'warn')).toBe('warn');
    expect(logLevelFrom(undefined, 'info')).toBe('info');
  });

  it('a child logger adds its fields to every line', () => {
    const { log, lines } = captureLog();
    log.child({ scope: 'sync', carrierId: 'kr.cjlogistics' }).info('polled', { numbers: 3 });
    expect(lines[0]).toMatchObject({ scope: 'sync', carrierId: 'kr.cjlogistics', numbers: 3, message: 'polled' });
  });

  it('spell out an error: name, message, stack', () => {
    const { log, lines } = captureLog();
    log.error('handler failed', { error: new TypeError('cannot read shipmentNo') });
    expect(lines[0]?.['error']).toMatchObject({
      name: 'TypeError',
      message: 'cannot read shipmentNo',
      stack: expect.stringContaining('TypeError: cannot read shipmentNo'),
    });
  });
});

describe('private data never reaches a log', () => {
  it('is redacted by key, however deep, and secrets with it', () => {
    const { log, lines } = captureLog();
    log.warn('release refused', {
      shipmentNo: 'SD0000000123',
      invoiceNo: '241743423084',
      phone: '010-2222-3333',
      recipient: { name: '김하나', phone: '01022223333' },
      shipment: {
        address: { country: 'KR', postalCode: '06236', line1: '서울 강남구 테헤란로 152', line2: '12층' },
        recipientPhone: '+82 10 2222 3333',
        buyer_name: '이두리',
        shippingRequest: '문 앞에 놓아 주세요',
      },
      rows: [{ recipient_address: 'Unit 5, 10 Main St' }],
      trackerKey: 'client:s3cret',
      authorization: 'TRACKQL-API-KEY client:s3cret',
    });
    const line = lines[0]!;
    expect(line).toMatchObject({
      shipmentNo: 'SD0000000123',
      invoiceNo: '241743423084',
      phone: '[redacted]',
      recipient: '[redacted]',
      shipment: { address: '[redacted]', recipientPhone: '[redacted]', buyer_name: '[redacted]' },
      rows: [{ recipient_address: '[redacted]' }],
      trackerKey: '[redacted]',
      authorization: '[redacted]',
    });
    const text = JSON.stringify(line);
    for (const leak of ['2222', '김하나', '테헤란로', '06236', '이두리', '문 앞', 'Main St', 's3cret']) {
      expect(text).not.toContain(leak);
    }
  });

  it('masks phone numbers written inside free text (a carrier event, an error message)', () => {
    const { log, lines } = captureLog();
    log.warn('tracking sync: unknown status 배송기사 김기사 010-1234-5678 (부재 시 문 앞)', {
      rawText: 'driver +82-10-9876-5432, office (031) 123-4567',
      error: new Error('call 02-345-6789 for details'),
      invoiceNo: '241743423084',
      at: '2026-11-20T09:00:00+09:00',
    });
    const text = JSON.stringify(lines[0]);
    for (const leak of ['1234-5678', '9876-5432', '123-4567', '345-6789']) expect(text).not.toContain(leak);
    // Tracking numbers and times are not phone numbers.
    expect(lines[0]).toMatchObject({ invoiceNo: '241743423084', at: '2026-11-20T09:00:00+09:00' });
  });
});

describe('the rotating log file', () => {
  it('keeps each file under the cap and only the newest files', () => {
    const dir = tempDir('shipdesk-log-');
    dirs.push(dir);
    const file = path.join(dir, 'logs', 'shipdesk.log');
    const sink = rotatingFileSink({ file, maxBytes: 2_000, files: 3 });
    const log = createLogger({ sinks: [sink] });
    for (let i = 0; i < 200; i++) log.info('line', { i, pad: 'x'.repeat(40) });
    sink.close();
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['shipdesk.log', 'shipdesk.log.1', 'shipdesk.log.2']);
    const read = (f: string) =>
      fs
        .readFileSync(f, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { i: number }).i);
    for (const f of [file, `${file}.1`, `${file}.2`]) expect(fs.statSync(f).size).toBeLessThanOrEqual(2_000);
    // Newest in the live file, in order across the kept files, the oldest gone.
    const kept = [...read(`${file}.2`), ...read(`${file}.1`), ...read(file)];
    expect(kept.at(-1)).toBe(199);
    expect(kept).toEqual(kept.map((_, k) => kept[0]! + k));
    expect(kept[0]).toBeGreaterThan(0);
  });

  it('appends to the file a previous run left', () => {
    const dir = tempDir('shipdesk-log-');
    dirs.push(dir);
    const file = path.join(dir, 'shipdesk.log');
    for (const run of [1, 2]) {
      const sink = rotatingFileSink({ file });
      createLogger({ sinks: [sink] }).info('started', { run });
      sink.close();
    }
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});

describe('push listeners', () => {
  it('a failing listener is logged and the others still hear the event', () => {
    const { log, lines } = captureLog();
    const events = createEvents(log);
    const heard: string[] = [];
    events.on(() => {
      throw new Error('socket gone');
    });
    events.on((e) => heard.push(e.type));
    events.emit({ type: 'shipments.changed', shipmentNos: ['SD0000000001'] });
    expect(heard).toEqual(['shipments.changed']);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'a push listener failed',
        event: 'shipments.changed',
        error: expect.objectContaining({ message: 'socket gone' }),
      }),
    ]);
  });
});
