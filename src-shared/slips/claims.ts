// The QR slips of 领券二维码: an issuance's QR and a store's fixed QR, for the counter or the
// shelf. Data in, slip model out; the printer and the on-screen preview both render it. The QR
// holds the phone's claim page on the cloud (an ASCII URL).
import type { Issuance, StoreQr } from '../contract/claims';
import { localDateTime } from '../time';
import type { PaperWidth, Slip, SlipBlock } from './model';

export interface ClaimQrSlipData {
  merchantName: string;
  /** The store the coupons work in (an issuance for one store, or the poster's store). */
  storeName: string | null;
  /** Above the coupon: the issuance's title, or "到店领券" for a store. */
  title: string;
  templateName: string;
  /** From describeRule(): "满100减20". */
  ruleText: string;
  url: string;
  /** "每人限领 1 张 · 共 500 张"; null for a store's poster. */
  limitText: string | null;
  /** "2026-11-21 10:00 至 2026-12-31 23:59"; null when claims never close. */
  datesText: string | null;
}

/** When claims open and close, in the store's zone (either end may be open). */
export function claimDatesText(
  startsAt: number | null,
  endsAt: number | null,
  timeZone: string,
): string | null {
  if (startsAt === null && endsAt === null) return null;
  const at = (ms: number) => localDateTime(ms, timeZone);
  if (startsAt === null) return `即日起至 ${at(endsAt!)}`;
  return endsAt === null ? `${at(startsAt)} 起` : `${at(startsAt)} 至 ${at(endsAt)}`;
}

/** What an issuance's slip and poster say. */
export function issuanceQrData(
  issuance: Issuance,
  context: { merchantName: string; ruleText: string; timeZone: string },
): ClaimQrSlipData {
  return {
    merchantName: context.merchantName,
    storeName: issuance.storeName,
    title: issuance.title,
    templateName: issuance.templateName,
    ruleText: context.ruleText,
    url: issuance.url ?? '',
    limitText: `每人限领 ${issuance.perPerson} 张 · 共 ${issuance.count} 张`,
    datesText: claimDatesText(issuance.startsAt, issuance.endsAt, context.timeZone),
  };
}

/**
 * What a store's fixed poster says: not the coupon it gives today, which the manager changes
 * without reprinting (the phone's claim page shows the current one).
 */
export function storeQrData(store: StoreQr, context: { merchantName: string }): ClaimQrSlipData {
  return {
    merchantName: context.merchantName,
    storeName: store.storeName,
    title: '扫码领取本店优惠券',
    templateName: '',
    ruleText: '',
    url: store.url ?? '',
    limitText: null,
    datesText: null,
  };
}

export function claimQrSlip(width: PaperWidth, data: ClaimQrSlipData): Slip {
  const blocks: SlipBlock[] = [
    { kind: 'title', text: data.merchantName },
    ...(data.storeName ? [{ kind: 'text', text: data.storeName, align: 'center' } as const] : []),
    { kind: 'rule', char: '=' },
    { kind: 'text', text: data.title, align: 'center', bold: true, big: true },
  ];
  if (data.templateName)
    blocks.push({ kind: 'text', text: data.templateName, align: 'center', bold: true });
  if (data.ruleText && data.ruleText !== data.templateName)
    blocks.push({ kind: 'text', text: data.ruleText, align: 'center' });
  blocks.push(
    { kind: 'qr', data: data.url },
    { kind: 'text', text: '手机扫码，登录后领券到手机', align: 'center', bold: true },
    { kind: 'rule' },
  );
  if (data.limitText) blocks.push({ kind: 'text', text: data.limitText, align: 'center' });
  if (data.datesText) blocks.push({ kind: 'pair', left: '领取时间', right: data.datesText });
  blocks.push(
    { kind: 'text', text: '到店结账时出示手机上的券码即可使用', align: 'center' },
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  );
  return { width, blocks };
}
