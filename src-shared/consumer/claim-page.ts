import { escapeHtml, offerCardHtml, type ClaimOfferData } from './offer-card';

// A claim page served with its offer already in it: the cloud fills the app's index.html for
// /c/<code>/i/<id> and /c/<code>/s/<id>, so the offer paints with the HTML and its CSS (one round
// trip less than waiting for the script and then the API, each ~0.5 s on a 4G phone).

/** The element holding the offer's JSON (a data block: never run, so the CSP allows it). */
export const EMBEDDED_OFFER_ID = 'sd-offer';

/** Which claim page an embedded offer is for. */
export interface EmbeddedOffer {
  kind: 'issuance' | 'store';
  id: string;
  offer: ClaimOfferData;
}

/** The claim page a path names, or null (the other pages get index.html as built). */
export function claimPageOf(
  pathname: string,
): { merchantCode: string; kind: 'issuance' | 'store'; id: string } | null {
  const match = /^\/c\/([^/]+)\/(i|s)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return {
      merchantCode: decodeURIComponent(match[1]!).toUpperCase(),
      kind: match[2] === 'i' ? 'issuance' : 'store',
      id: decodeURIComponent(match[3]!),
    };
  } catch {
    return null;
  }
}

/**
 * index.html with the offer card inside the app's root and the offer as JSON beside it (for the
 * app's first render, without asking the API again). `<` is escaped in the JSON so no text of a
 * merchant can close the block.
 */
export function withEmbeddedOffer(indexHtml: string, embedded: EmbeddedOffer): string {
  const root = '<div id="root"></div>';
  if (!indexHtml.includes(root)) return indexHtml;
  const json = JSON.stringify(embedded).replace(/</g, '\\u003c');
  return indexHtml.replace(
    root,
    `<div id="root"><main class="page"><section class="offer" aria-label="${escapeHtml(embedded.offer.title)}">${offerCardHtml(embedded.offer)}</section></main></div>` +
      `<script type="application/json" id="${EMBEDDED_OFFER_ID}">${json}</script>`,
  );
}

/** The app's stylesheet links in a built index.html (under the assets path). */
export const stylesheetHrefs = (indexHtml: string): string[] =>
  [...indexHtml.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)].map((m) => m[1]!);

/**
 * The page with each stylesheet written into it (`css` by href): a claim page then paints with
 * the HTML alone, one round trip sooner on a 4G phone. `</style` in a stylesheet is escaped.
 */
export function withInlineStyles(indexHtml: string, css: Record<string, string>): string {
  return indexHtml.replace(
    /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g,
    (link, href: string) =>
      css[href] === undefined
        ? link
        : `<style>${css[href].replace(/<\/style/gi, '<\\/style')}</style>`,
  );
}
