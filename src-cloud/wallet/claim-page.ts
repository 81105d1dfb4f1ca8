import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  claimPageOf,
  stylesheetHrefs,
  withEmbeddedOffer,
  withInlineStyles,
} from '../../src-shared/consumer/claim-page';
import { CONSUMER_APP_ASSETS_PATH } from '../../src-shared/sync/consumer-app';
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
    // The stylesheet too (~4 kB compressed): the card paints without waiting for another file.
    const css: Record<string, string> = {};
    for (const href of stylesheetHrefs(html))
      if (href.startsWith(CONSUMER_APP_ASSETS_PATH))
        css[href] = await fs.readFile(
          path.join(root, href.slice(CONSUMER_APP_ASSETS_PATH.length)),
          'utf8',
        );
    return withInlineStyles(
      withEmbeddedOffer(html, { kind: claim.kind, id: claim.id, offer }),
      css,
    );
  } catch {
    return null;
  }
}

/**
 * The page compressed as the browser accepts (brotli, else gzip, else as is): made per request,
 * so a quick brotli level (~1 ms for the ~20 kB page with its styles).
 */
export function compressedFor(
  acceptEncoding: string | undefined,
  html: string,
): { encoding: 'br' | 'gzip' | null; body: Buffer } {
  const body = Buffer.from(html, 'utf8');
  const accepts = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepts))
    return {
      encoding: 'br',
      body: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
    };
  if (/\bgzip\b/.test(accepts)) return { encoding: 'gzip', body: zlib.gzipSync(body) };
  return { encoding: null, body };
}
