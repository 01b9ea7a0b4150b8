// The wire schema (shared/api/wire.ts), as both ends read it: the host reads request frames, the screen
// reads replies and pushes. One declaration, so what one end sends the other end accepts.
import { describe, expect, it } from 'vitest';
import { parseRequestFrame, parseServerFrame, type RequestFrame, type ServerFrame } from '../../shared/api/wire';

describe('request frames (screen -> host)', () => {
  it('accepts what the screen sends, with or without an input', () => {
    const frame: RequestFrame = { id: 7, method: 'shipments.list', input: { tab: 'preparing' } };
    expect(parseRequestFrame(JSON.stringify(frame))).toEqual({ ok: true, frame });
    expect(parseRequestFrame('{"id":"a1","method":"settings.get"}')).toMatchObject({ ok: true });
  });

  it('says what is wrong, echoing a usable id so that one request can be settled', () => {
    expect(parseRequestFrame('{not json')).toMatchObject({ ok: false, id: null, message: /not valid JSON/ });
    expect(parseRequestFrame('[1,2]')).toMatchObject({ ok: false, id: null, message: /JSON object/ });
    expect(parseRequestFrame('{"method":"settings.get"}')).toMatchObject({ ok: false, id: null, message: /"id"/ });
    expect(parseRequestFrame('{"id":3,"method":""}')).toMatchObject({ ok: false, id: 3, message: /"method"/ });
    expect(parseRequestFrame(`{"id":"${'x'.repeat(101)}","method":"a"}`)).toMatchObject({ ok: false, id: null });
  });
});

describe('server frames (host -> screen)', () => {
  const send = (frame: ServerFrame) => JSON.stringify(frame);

  it('reads replies and the pushes it knows', () => {
    expect(parseServerFrame(send({ id: 7, envelope: { ok: true, value: { total: 3 } } }))).toEqual({
      kind: 'reply',
      id: 7,
      envelope: { ok: true, value: { total: 3 } },
    });
    expect(
      parseServerFrame(send({ id: null, envelope: { ok: false, error: { code: 'INVALID_INPUT', message: 'no' } } })),
    ).toMatchObject({ kind: 'reply', id: null, envelope: { ok: false } });
    expect(parseServerFrame(send({ push: { type: 'shipments.changed', shipmentNos: ['SD1'] } }))).toEqual({
      kind: 'push',
      event: { type: 'shipments.changed', shipmentNos: ['SD1'] },
    });
  });

  it('a push from a newer core is nothing to do; anything else off the protocol is refused', () => {
    expect(parseServerFrame('{"push":{"type":"printer.jammed"}}')).toEqual({ kind: 'unknown-push' });
    for (const text of [
      'nonsense',
      '{}',
      '{"id":1}',
      '{"id":1,"envelope":{"ok":false,"error":{"code":"HUH","message":""}}}',
    ])
      expect(parseServerFrame(text), text).toBeNull();
  });
});
