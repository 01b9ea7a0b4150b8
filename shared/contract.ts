// The one registry of methods: name -> zod input schema -> result type.
// Handlers and clients are typed from it, so a method without a handler does not compile.
// Each area declares its methods in shared/api/; this file joins them.
import type { z } from 'zod';
import { exportMethods } from './api/exports';
import { importMethods } from './api/imports';
import { invoiceMethods } from './api/invoices';
import { orderMethods } from './api/orders';
import { settingsMethods } from './api/settings';
import { shipmentMethods } from './api/shipments';
import { syncMethods } from './api/sync';

export * from './api/exports';
export * from './api/imports';
export * from './api/invoices';
export * from './api/orders';
export * from './api/settings';
export * from './api/shipments';
export * from './api/sync';

export const contract = {
  ...shipmentMethods,
  ...invoiceMethods,
  ...settingsMethods,
  ...importMethods,
  ...syncMethods,
  ...orderMethods,
  ...exportMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsed<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Contract[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Pushes from the core to every screen. */
export type PushEvent =
  | { type: 'shipments.changed'; shipmentNos: string[] }
  | { type: 'sync.state'; online: boolean; queued: number; lastSyncAt: string | null }
  | {
      type: 'imports.progress';
      /** Echoes imports.preview's uploadRef, so a screen knows which upload this is. */
      uploadRef: string | null;
      phase: 'reading' | 'checking' | 'saving' | 'done';
      done: number;
      total: number;
    };
