import { messageFailures, type MessageRule } from '../../src-shared/outreach/sms-rules';
import type { SmsCampaignBody } from '../../src-shared/sync/outreach';
import { walletPaths } from '../../src-shared/sync/wallet';

// The same link pattern as src-shared/outreach/sms-rules.ts: what a carrier reads as a link.
const LINK = /(?:https?:\/\/|www\.)[^\s，。！？、；：“”'"<>（）()【】]+/gi;

/**
 * What a marketing text breaks, checked again in the cloud (a desktop of an older version, or
 * a tool calling the API, may skip its own checker). The cloud does not know under which
 * address the merchant's PCs show the wallet, so the one fixed link allowed is any link to
 * this merchant's wallet (`…/c/<merchantCode>/`, walletPaths.home); every other link is a variable link. A text
 * to the shop's own staff (purpose 'merchant') is theirs to word.
 */
export function campaignTextFailures(body: SmsCampaignBody, merchantCode: string): MessageRule[] {
  if (body.purpose !== 'marketing') return [];
  const home = walletPaths.home(merchantCode).replace(/\/$/, '');
  const wallet = new RegExp(`${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?$`);
  const walletLink = (body.text.match(LINK) ?? []).find((link) => wallet.test(link));
  return messageFailures(body.text, {
    signature: body.signature,
    walletLink: walletLink ?? 'no wallet link',
  });
}
