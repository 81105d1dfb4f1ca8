import type { z } from 'zod';
import type { Caller, EventDef, MethodDef } from './define';
import { apiKeysMethods } from './apiKeys';
import { cashbackMethods } from './cashback';
import { couponsEvents, couponsMethods } from './coupons';
import { printingEvents, printingMethods } from './printing';
import { productsEvents, productsMethods } from './products';
import { redemptionEvents, redemptionMethods } from './redemption';
import { auditEvents, auditMethods } from './audit';
import { authEvents, authMethods } from './auth';
import { scannerEvents, scannerMethods } from './scanner';
import { setupMethods } from './setup';
import { settingsMethods, shopMethods } from './settings';
import { homeMethods } from './home';
import { staffEvents, staffMethods } from './staff';
import { storesEvents, storesMethods } from './stores';
import { stockEvents, stockMethods } from './stock';
import { stocktakeMethods } from './stocktake';
import { salesEvents, salesMethods } from './sales';
import { alertsEvents, alertsMethods } from './alerts';
import { analyticsEvents, analyticsMethods } from './analytics';
import { demoMethods, reportsMethods } from './reports';
import { syncEvents, syncMethods } from './sync';
import { importsEvents } from './imports';
import { tillMethods } from './till';
import { membersMethods } from './members';
import { memberImportMethods } from './member-import';
import { pointsMethods } from './points';
import { chainMethods } from './chain';
import { claimsMethods } from './claims';
import { sharesMethods } from './shares';
import { tasksEvents, tasksMethods } from './tasks';
import { outreachMethods } from './outreach';

export * from './define';

/** Every method of the app. IPC, the preload bridge, the HTTP routes and the client derive from it. */
export const methods = {
  ...setupMethods,
  ...authMethods,
  ...staffMethods,
  ...storesMethods,
  ...apiKeysMethods,
  ...auditMethods,
  ...productsMethods,
  ...couponsMethods,
  ...redemptionMethods,
  ...cashbackMethods,
  ...printingMethods,
  ...stockMethods,
  ...stocktakeMethods,
  ...salesMethods,
  ...alertsMethods,
  ...scannerMethods,
  ...analyticsMethods,
  ...reportsMethods,
  ...demoMethods,
  ...syncMethods,
  ...settingsMethods,
  ...shopMethods,
  ...homeMethods,
  ...tillMethods,
  ...membersMethods,
  ...memberImportMethods,
  ...pointsMethods,
  ...chainMethods,
  ...claimsMethods,
  ...sharesMethods,
  ...tasksMethods,
  ...outreachMethods,
} as const satisfies Record<string, MethodDef>;

/** Every event the main process pushes to the UI. */
export const events = {
  ...authEvents,
  ...staffEvents,
  ...storesEvents,
  ...auditEvents,
  ...productsEvents,
  ...couponsEvents,
  ...redemptionEvents,
  ...printingEvents,
  ...stockEvents,
  ...salesEvents,
  ...alertsEvents,
  ...scannerEvents,
  ...analyticsEvents,
  ...syncEvents,
  ...importsEvents,
  ...tasksEvents,
} as const satisfies Record<string, EventDef>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type InputOf<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Methods[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.hasOwn(methods, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);

export const callerMayUse = (access: readonly Caller[], caller: Caller) => access.includes(caller);
