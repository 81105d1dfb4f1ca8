import type { TFunction } from 'i18next';
import type { RefusalReason } from '../../../../src-shared/contract/redemption';
import { formatFen } from '../../../../src-shared/money';
import type { Refusal } from './refusal';

/** One particular of a refusal, as a label and its value: "核销时间 2026-05-01 12:00:00". */
export interface RefusalFact {
  label: string;
  value: string;
}

/** A refusal as the cashier reads it, top to bottom. */
export interface RefusalText {
  /** In large type: "已核销". */
  title: string;
  /** The sentence under it, the app's details filled in; null if one it needs is missing. */
  sentence: string | null;
  /** The particulars the cashier needs (when, where, how much is short): those the app gave. */
  facts: RefusalFact[];
  /** What the cashier should do about it, where there is something particular to say. */
  advice: string | null;
}

/** The title of a refusal, also said in the scan's toast and on the coupon's row. */
export const refusalTitle = (t: TFunction, reason: RefusalReason): string =>
  t(`redemption.reasonTitles.${reason}`);

/**
 * The refusal's sentence with its details filled in. A refusal that comes without a detail its
 * sentence needs (another server, an older cloud) has no sentence, rather than "{{atText}}" on
 * the cashier's screen: the title says enough.
 */
function sentenceOf(t: TFunction, { reason, details }: Refusal): string | null {
  let complete = true;
  const sentence = t(`refusals.${reason}`, {
    ...details,
    missingInterpolationHandler: () => {
      complete = false;
      return '';
    },
  });
  return complete ? sentence : null;
}

// Details come from the app as unknown values; a missing one is left out, not shown blank.
const text = (value: unknown) =>
  value === null || value === undefined || value === '' ? null : String(value);
const fen = (value: unknown) => (typeof value === 'number' ? formatFen(value) : null);

function factsOf(t: TFunction, { reason, details }: Refusal): RefusalFact[] {
  const facts: { label: string; value: string | null }[] = [];
  const fact = (label: string, value: string | null) => facts.push({ label, value });
  switch (reason) {
    case 'ALREADY_REDEEMED':
      fact(t('redemption.facts.redeemedAt'), text(details.atText));
      fact(t('redemption.facts.store'), text(details.storeName));
      fact(t('redemption.facts.terminal'), text(details.terminalCode));
      fact(t('redemption.facts.staff'), text(details.staffName));
      break;
    case 'MIN_SPEND_NOT_MET':
      fact(t('redemption.facts.required'), fen(details.requiredFen));
      fact(t('redemption.facts.eligible'), fen(details.eligibleFen));
      fact(t('redemption.facts.short'), fen(details.shortFen));
      break;
    case 'EXPIRED':
      fact(t('redemption.facts.expiredAt'), text(details.validUntilText));
      break;
    case 'NOT_YET_VALID':
      fact(t('redemption.facts.validFrom'), text(details.validFromText));
      break;
    case 'STORE_NOT_ELIGIBLE':
      fact(t('redemption.facts.thisStore'), text(details.storeName));
      break;
    case 'CUSTOMER_LIMIT_REACHED':
      fact(t('redemption.facts.limit'), text(details.limit));
      break;
    case 'VOIDED':
      fact(t('redemption.facts.cancelReason'), text(details.cancelReason));
      break;
    case 'NOT_FOUND':
      if (details.genuine) fact(t('redemption.facts.validUntil'), text(details.validUntilText));
      break;
  }
  return facts.filter((item): item is RefusalFact => item.value !== null);
}

function adviceOf(t: TFunction, { reason, details }: Refusal): string | null {
  switch (reason) {
    case 'BAD_CHECK':
      return t(
        `redemption.advice.badCheck.${(details.problem as 'length' | 'characters' | 'check') ?? 'check'}`,
      );
    case 'FORGED':
      return t('redemption.advice.forged');
    case 'NOT_FOUND':
      return details.genuine ? t('redemption.advice.notSynced') : null;
    case 'ITEM_NOT_IN_ORDER':
      return details.needsLines ? t('redemption.advice.needsLines') : null;
    case 'MIN_SPEND_NOT_MET': {
      const amount = fen(details.shortFen);
      return amount ? t('redemption.advice.buyMore', { amount }) : null;
    }
    default:
      return null;
  }
}

/**
 * Why a code cannot be used, in words: the refusal's code picks the texts and its details fill
 * them in (src-shared/i18n words the sentences the server's errors use too).
 */
export function refusalText(t: TFunction, refusal: Refusal): RefusalText {
  return {
    title: refusalTitle(t, refusal.reason),
    sentence: sentenceOf(t, refusal),
    facts: factsOf(t, refusal),
    advice: adviceOf(t, refusal),
  };
}
