// The one registry of methods: name -> zod input schema -> result type.
// Handlers and clients are typed from it, so a method without a handler does not compile.
// Each area declares its methods in shared/api/; this file joins them.
import type { z } from 'zod';
import { dataMethods } from './data';
import { conflictMethods } from './conflicts';
import { exportMethods } from './exports';
import { importMethods } from './imports';
import { invoiceMethods } from './invoices';
import { orderMethods } from './orders';
import { recoveryMethods } from './recovery';
import { settingsMethods } from './settings';
import { shipmentMethods } from './shipments';
import { syncMethods } from './sync';

export * from './data';
export * from './conflicts';
export * from './imports';
export * from './invoices';
export * from './pushes';
export * from './exports';
export * from './orders';
export * from './recovery';
export * from './settings';
export * from './shipments';
export * from './sync';

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
