import type { EndpointOutput } from '../../../src-shared/sync/endpoints';
import { DEFAULT_TIMEZONE, formatDay } from '../format';
import { messages } from '../messages';
import { ruleText } from '../rule';

export type ClaimOffer = EndpointOutput<'consumers.issuanceOffer'>;
const t = messages.offer;

function validity(offer: ClaimOffer): string | null {
  // Offers carry no zone yet: the stores' default one.
  const day = (ms: number) => formatDay(ms, DEFAULT_TIMEZONE);
  if (offer.startsAt !== null && offer.endsAt !== null)
    return t.validity(day(offer.startsAt), day(offer.endsAt));
  if (offer.startsAt !== null) return t.from(day(offer.startsAt));
  if (offer.endsAt !== null) return t.until(day(offer.endsAt));
  return null;
}

/** What a QR gives, before anyone signs in: the rule in words, the dates, how many are left. */
export function OfferCard({ offer }: { offer: ClaimOffer }) {
  const dates = validity(offer);
  return (
    <section className="offer" aria-label={offer.title}>
      <div className="offer-merchant">{offer.merchantName}</div>
      <h1 className="offer-title">{offer.title}</h1>
      <div className="offer-rule">{ruleText(offer.rule, offer.productNames)}</div>
      <div className="offer-name">{offer.name}</div>
      {dates && (
        <div className="small">
          {t.validityLabel} {dates}
        </div>
      )}
      {offer.storeName && <div className="small">{t.storeOnly(offer.storeName)}</div>}
      {offer.remaining !== null && (
        <div className="offer-remaining">
          {offer.remaining > 0 ? t.remaining(offer.remaining) : t.soldOut}
        </div>
      )}
    </section>
  );
}
