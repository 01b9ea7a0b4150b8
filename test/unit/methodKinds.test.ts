// How each method runs is declared once in the contract and applied by one wrapper
// (docs/ARCHITECTURE.md "The contract and the dispatcher").
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { METHOD_KINDS, method } from '../../shared/api/common';
import { contract, type MethodName } from '../../shared/api/contract';
import type { CallContext, Handlers } from '../../main/core/rpc/dispatch';
import { applyMethodKinds } from '../../main/core/rpc/methodKinds';

const call: CallContext = { operator: 'kim', via: 'manual' };
const names = Object.keys(contract) as MethodName[];

/** Every handler logs its run (and whether a queued turn was open); `fail` names the ones that throw. */
function recordingDesk(fail: MethodName[] = []) {
  const log: string[] = [];
  let inQueue = false;
  const handlers = Object.fromEntries(
    names.map((name) => [
      name,
      () => {
        log.push(`${name}${inQueue ? ' (queued)' : ''}`);
        if (fail.includes(name)) throw new Error('refused');
        return name;
      },
    ]),
  ) as unknown as Handlers;
  const applied = applyMethodKinds(handlers, {
    async queue(work) {
      inQueue = true;
      try {
        return await work();
      } finally {
        inQueue = false;
      }
    },
    afterWrite: () => log.push('after write'),
  });
  const run = (name: MethodName) => (applied[name] as (i: unknown, c: CallContext) => unknown)({}, call);
  return { log, run };
}

describe('method kinds', () => {
  it('every method of the contract says how it runs', () => {
    for (const name of names) expect(METHOD_KINDS, name).toContain(contract[name].kind);
    expect(contract['shipments.updateAddress'].kind).toBe('write');
    expect(contract['invoices.register'].kind).toBe('write');
    expect(contract['imports.commit'].kind).toBe('queuesItself');
  });

  it('a method declared without its kind does not compile', () => {
    // @ts-expect-error a method must say how it runs
    const undeclared = method<number>()(z.strictObject({}));
    expect(undeclared.kind).toBeUndefined();
  });

  it('a write runs in the queue and is followed by the after-write step', async () => {
    const desk = recordingDesk();
    await desk.run('shipments.updateAddress');
    expect(desk.log).toEqual(['shipments.updateAddress (queued)', 'after write']);
  });

  it('a write that fails is not followed by the after-write step', async () => {
    const desk = recordingDesk(['invoices.modify']);
    await expect(desk.run('invoices.modify')).rejects.toThrow('refused');
    expect(desk.log).toEqual(['invoices.modify (queued)']);
  });

  it('a queued method takes its turn without the after-write step; reads and self-queued commits run at once', async () => {
    const desk = recordingDesk();
    await desk.run('settings.update');
    await desk.run('shipments.list');
    await desk.run('imports.commit');
    expect(desk.log).toEqual(['settings.update (queued)', 'shipments.list', 'imports.commit']);
  });
});
