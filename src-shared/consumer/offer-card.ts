import type { z } from 'zod';
import type { claimOfferSchema } from '../sync/wallet';
import { localDate } from '../time';
import { messages } from './messages';
import { ruleText } from './rule-text';

/** An offer as the cloud answers it (optional rule fields may be left out). */
export type ClaimOfferData = z.input<typeof claimOfferSchema>;

/** Offers carry no zone: the stores' default one. */
const OFFER_TIMEZONE = 'Asia/Shanghai';
const t = messages.offer;

/** Text safe inside HTML elements and quoted attributes. */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function validity(offer: ClaimOfferData): string | null {
  const day = (ms: number) => localDate(ms, OFFER_TIMEZONE);
  const startsAt = offer.startsAt ?? null;
  const endsAt = offer.endsAt ?? null;
  if (startsAt !== null && endsAt !== null) return t.validity(day(startsAt), day(endsAt));
  if (startsAt !== null) return t.from(day(startsAt));
  if (endsAt !== null) return t.until(day(endsAt));
  return null;
}

/**
 * The inside of a claim page's offer card, as HTML. One source for both renderings: the cloud
 * writes it into the page it serves (the offer paints before any script arrives on a 4G phone)
 * and the app's OfferCard shows the same markup once it runs, so nothing moves.
 */
export function offerCardHtml(offer: ClaimOfferData): string {
  const dates = validity(offer);
  const remaining = offer.remaining ?? null;
  return [
    `<div class="offer-merchant">${escapeHtml(offer.merchantName)}</div>`,
    `<h1 class="offer-title">${escapeHtml(offer.title)}</h1>`,
    `<div class="offer-rule">${escapeHtml(ruleText(offer.rule, offer.productNames))}</div>`,
    `<div class="offer-name">${escapeHtml(offer.name)}</div>`,
    dates ? `<div class="small">${escapeHtml(`${t.validityLabel} ${dates}`)}</div>` : '',
    offer.storeName ? `<div class="small">${escapeHtml(t.storeOnly(offer.storeName))}</div>` : '',
    remaining !== null
      ? `<div class="offer-remaining">${escapeHtml(remaining > 0 ? t.remaining(remaining) : t.soldOut)}</div>`
      : '',
  ].join('');
}
