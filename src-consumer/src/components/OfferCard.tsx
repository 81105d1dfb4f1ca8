import type { EndpointOutput } from '../../../src-shared/sync/endpoints';
import { offerCardHtml } from '../../../src-shared/consumer/offer-card';

export type ClaimOffer = EndpointOutput<'consumers.issuanceOffer'>;

/**
 * What a QR gives, before anyone signs in: the rule in words, the dates, how many are left. The
 * markup is the one the cloud already put in the page (escaped there), so the swap is seamless.
 */
export function OfferCard({ offer }: { offer: ClaimOffer }) {
  return (
    <section
      className="offer"
      aria-label={offer.title}
      dangerouslySetInnerHTML={{ __html: offerCardHtml(offer) }}
    />
  );
}
