import { describe, expect, it } from 'vitest';
import {
  claimPageOf,
  EMBEDDED_OFFER_ID,
  stylesheetHrefs,
  withEmbeddedOffer,
  withInlineStyles,
} from '../../../src-shared/consumer/claim-page';
import { offerCardHtml, type ClaimOfferData } from '../../../src-shared/consumer/offer-card';

const offer: ClaimOfferData = {
  merchantName: '鲜果<优选>',
  title: '开业 "大酬宾"',
  name: '新客满100减20',
  rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
  productNames: {},
  remaining: 12,
  startsAt: Date.UTC(2026, 11, 6, 16), // 2026-12-07 00:00 in Shanghai
  endsAt: Date.UTC(2026, 11, 14, 15, 59, 59, 999),
  storeName: null,
  unavailable: null,
};
const INDEX =
  '<html><head></head><body><div id="root"></div><script type="module" src="/c/_app/assets/i.js"></script></body></html>';

describe('a claim page served with its offer', () => {
  it('knows the claim pages by their path, codes upper-cased', () => {
    expect(claimPageOf('/c/xgyx-01/i/0193-abc')).toEqual({
      merchantCode: 'XGYX-01',
      kind: 'issuance',
      id: '0193-abc',
    });
    expect(claimPageOf('/c/XGYX/s/st-1/')).toEqual({
      merchantCode: 'XGYX',
      kind: 'store',
      id: 'st-1',
    });
    expect(claimPageOf('/c/XGYX/')).toBeNull();
    expect(claimPageOf('/c/XGYX/coupon/123')).toBeNull();
    expect(claimPageOf('/c/_app/assets/i.js')).toBeNull();
  });

  it('writes the card in words, escaped, with dates in the shop zone', () => {
    const html = offerCardHtml(offer);
    expect(html).toContain('<div class="offer-merchant">鲜果&lt;优选&gt;</div>');
    expect(html).toContain('<h1 class="offer-title">开业 &quot;大酬宾&quot;</h1>');
    expect(html).toContain('<div class="offer-rule">满100减20</div>');
    expect(html).toContain('活动时间 2026-12-07 至 2026-12-14');
    expect(html).toContain('剩余 12 张');
    expect(offerCardHtml({ ...offer, remaining: 0 })).toContain('已领完');
    expect(offerCardHtml({ ...offer, remaining: null })).not.toContain('offer-remaining');
  });

  it('puts the card in the root and the offer beside it as JSON no text can break out of', () => {
    const evil = { ...offer, title: '</script><script>alert(1)</script>' };
    const html = withEmbeddedOffer(INDEX, { kind: 'issuance', id: 'i1', offer: evil });
    expect(html).toContain('<div id="root"><main class="page"><section class="offer"');
    expect(html.match(/<script/g)).toHaveLength(2); // the data block and the app's module
    const json = html
      .split(`<script type="application/json" id="${EMBEDDED_OFFER_ID}">`)[1]!
      .split('</script>')[0]!;
    expect(JSON.parse(json)).toEqual({ kind: 'issuance', id: 'i1', offer: evil });
    // Without the root marker (a different build) the page goes out as built.
    expect(withEmbeddedOffer('<div id="app"></div>', { kind: 'store', id: 's', offer })).toBe(
      '<div id="app"></div>',
    );
  });

  it('writes the stylesheet into the page so the card paints without another request', () => {
    const built =
      '<head><link rel="stylesheet" crossorigin href="/c/_app/assets/index-AbC.css"></head><body><div id="root"></div></body>';
    expect(stylesheetHrefs(built)).toEqual(['/c/_app/assets/index-AbC.css']);
    const page = withInlineStyles(built, {
      '/c/_app/assets/index-AbC.css': '.offer{color:red}/*</style>*/',
    });
    expect(page).toBe(
      '<head><style>.offer{color:red}/*<\\/style>*/</style></head><body><div id="root"></div></body>',
    );
    // A stylesheet it was not given stays a link.
    expect(withInlineStyles(built, {})).toBe(built);
  });
});
