import { addDays, localDate, parseLocalDateTime } from '../time';

// China's rules for marketing texts, as the carriers and the 2015 SMS regulations apply them,
// in one place: the campaign checker on the desktop shows them while the message is written, and
// the cloud applies them again to every recipient before anything is sent (issue 25).

/** One text holds 70 characters; a longer one is sent in parts of 67 (the rest is the header). */
export const SMS_SINGLE_UNITS = 70;
export const SMS_PART_UNITS = 67;
/** Marketing texts go out 08:00–20:00 in the recipient's zone; outside, they wait. */
export const SEND_HOURS = { from: '08:00', until: '20:00' } as const;

/** What a message itself breaks, each named so the checker can say which rule. */
export type MessageRule = 'signatureMissing' | 'unsubscribeMissing' | 'variableLink' | 'empty';

/** Why one recipient does not get it (the message may be fine). */
export type RecipientRule = 'noConsent' | 'suppressed' | 'frequencyCap';

/**
 * Characters as carriers count them: UCS-2 units (a Chinese character or a letter is one, an
 * emoji two), the 【签名】 included; the parts a long text is split into.
 */
export function smsLength(text: string): { units: number; parts: number } {
  const units = text.length;
  return { units, parts: units <= SMS_SINGLE_UNITS ? 1 : Math.ceil(units / SMS_PART_UNITS) };
}

// 拒收请回复R, 回T退订, 回复TD退订, 退订回N…: an instruction to reply with a keyword to stop.
const UNSUBSCRIBE =
  /拒收请回复\s*[RTN]|回复?\s*(?:TD|[RTN])\s*(?:退订|拒收)|(?:退订|拒收)\s*(?:请)?回复?\s*(?:TD|[RTN])/i;
const LINK = /(?:https?:\/\/|www\.)[^\s，。！？、；：“”'"<>（）()【】]+/gi;

/**
 * The rules the message breaks: the merchant's 【签名】 at its start or end, an unsubscribe
 * instruction, and no link but the merchant's one fixed wallet link (a link per recipient or a
 * shortener is what carriers block as spam).
 */
export function messageFailures(
  text: string,
  merchant: { signature: string; walletLink: string },
): MessageRule[] {
  const failures: MessageRule[] = [];
  const body = text.trim();
  if (!body) return ['empty'];
  const signed = `【${merchant.signature}】`;
  if (!body.startsWith(signed) && !body.endsWith(signed)) failures.push('signatureMissing');
  if (!UNSUBSCRIBE.test(body)) failures.push('unsubscribeMissing');
  const fixed = merchant.walletLink.replace(/\/+$/, '');
  const links = body.match(LINK) ?? [];
  if (links.some((link) => link.replace(/\/+$/, '') !== fixed)) failures.push('variableLink');
  return failures;
}

/** A reply that asks for no more texts (R, T, TD, N, 退订), whatever its case and spaces. */
export function isUnsubscribeReply(reply: string): boolean {
  const word = reply.trim().toUpperCase();
  return ['R', 'T', 'TD', 'N', '退订'].includes(word);
}

/** When a text due at `at` may go to a recipient in `timeZone`: now, or the next 08:00 there. */
export function sendWindowStart(at: number, timeZone: string): number {
  const today = localDate(at, timeZone);
  const opens = parseLocalDateTime(`${today} ${SEND_HOURS.from}`, timeZone)!;
  const closes = parseLocalDateTime(`${today} ${SEND_HOURS.until}`, timeZone)!;
  if (at < opens) return opens;
  if (at < closes) return at;
  return parseLocalDateTime(`${addDays(today, 1)} ${SEND_HOURS.from}`, timeZone)!;
}

/**
 * Why a recipient is left out: no standing marketing consent, suppressed for this signature (an
 * unsubscribe reply, kept by phone hash so merged or deleted members stay suppressed), or
 * already texted `cap` times in the period.
 */
export function recipientFailure(recipient: {
  marketingConsent: boolean;
  suppressed: boolean;
  sentInPeriod: number;
  cap: number;
}): RecipientRule | null {
  if (!recipient.marketingConsent) return 'noConsent';
  if (recipient.suppressed) return 'suppressed';
  if (recipient.sentInPeriod >= recipient.cap) return 'frequencyCap';
  return null;
}
