import type { UiMessages } from '../zh-CN';
import { app, formats, common, language, pin, validation, errors } from './common';
import { nav, header, pages } from './shell';
import { login, lock } from './auth';
import { setup } from './setup';
import { home } from './home';
import { staff } from './staff';
import { storeFields, stores, apiKeys } from './stores';
import { audit } from './audit';
import { products, productImport } from './products';
import { coupons, applicationOrder } from './coupons';
import { redemption, voidDialog, history } from './redemption';
import { cashback, cashbackSlip } from './cashback';
import { printing, printSlips, slipPreview, noPrinter } from './printing';
import { imports } from './imports';
import { stock } from './stock';
import { stocktake } from './stocktake';
import { salesImport, sale } from './sales';
import { alerts, strategies } from './alerts';
import { scanner } from './scanner';
import { analytics } from './analytics';
import { reports } from './reports';
import { sync } from './sync';
import { settings, demoShop } from './settings';
import { till } from './till';
import { members, memberImport } from './members';
import { claimQr } from './claims';
import { tasks } from './tasks';
import { outreach } from './outreach';

/** The English texts: each feature's file is checked against its Chinese twin, key by key. */
export const en: UiMessages = {
  app,
  formats,
  common,
  language,
  pin,
  nav,
  header,
  pages,
  setup,
  storeFields,
  login,
  lock,
  home,
  staff,
  stores,
  apiKeys,
  audit,
  products,
  coupons,
  applicationOrder,
  redemption,
  voidDialog,
  history,
  cashback,
  printing,
  printSlips,
  cashbackSlip,
  slipPreview,
  noPrinter,
  imports,
  productImport,
  salesImport,
  stock,
  stocktake,
  sale,
  alerts,
  strategies,
  scanner,
  analytics,
  reports,
  sync,
  settings,
  demoShop,
  till,
  members,
  memberImport,
  claimQr,
  tasks,
  outreach,
  validation,
  errors,
};
