// The one registry of methods: name -> zod input schema -> result type.
// Handlers and clients are typed from it, so a method without a handler does not compile.
// Each area declares its methods in shared/api/; this file joins them.
import type { z } from 'zod';
import { dataMethods } from './api/data';
import { conflictMethods } from './api/conflicts';
import { exportMethods } from './api/exports';
import { importMethods } from './api/imports';
import { invoiceMethods } from './api/invoices';
import { orderMethods } from './api/orders';
import { recoveryMethods } from './api/recovery';
import { settingsMethods } from './api/settings';
import { shipmentMethods } from './api/shipments';
import { syncMethods } from './api/sync';

export * from './api/data';
export * from './api/conflicts';
export * from './api/imports';
export * from './api/invoices';
export * from './api/pushes';
export * from './api/exports';
export * from './api/orders';
export * from './api/recovery';
export * from './api/settings';
export * from './api/shipments';
export * from './api/sync';

export const contract = {
  ...shipmentMethods,
  ...invoiceMethods,
  ...settingsMethods,
  ...importMethods,
  ...syncMethods,
  ...dataMethods,
  ...conflictMethods,
  ...orderMethods,
  ...exportMethods,
  ...recoveryMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsed<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Contract[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
