import fs from 'node:fs/promises';
import path from 'node:path';
import { claimPageOf, withEmbeddedOffer } from '../../src-shared/consumer/claim-page';
import type { MerchantsService } from '../merchants/service';
import type { WalletOffers } from './offers';

/**
 * The claim page (/c/<code>/i/<id>, /c/<code>/s/<id>) with its offer already in the HTML, so a
 * 4G phone paints it before the app's script and API round trips. Null when the path is not a
 * claim page or the offer cannot be read (the app then asks the API and shows why).
 */
export async function claimPageHtml(
  root: string,
  url: string,
  sources: { merchants: MerchantsService; offers: WalletOffers },
): Promise<string | null> {
  const claim = claimPageOf(url.split('?')[0]!);
  if (!claim) return null;
  try {
    const merchant = await sources.merchants.byCode(claim.merchantCode);
    const offer =
      claim.kind === 'issuance'
        ? await sources.offers.ofIssuance(merchant, claim.id)
        : await sources.offers.ofStore(merchant, claim.id);
    const html = await fs.readFile(path.join(root, 'index.html'), 'utf8');
    return withEmbeddedOffer(html, { kind: claim.kind, id: claim.id, offer });
  } catch {
    return null;
  }
}
