import { EMBEDDED_OFFER_ID, type EmbeddedOffer } from '../../src-shared/consumer/claim-page';
import type { ClaimOffer } from './components/OfferCard';

/**
 * The offer the cloud wrote into this claim page, if it is for this page: the first render needs
 * no API round trip. Read once (a later visit in the same tab asks the API).
 */
export function takeEmbeddedOffer(kind: EmbeddedOffer['kind'], id: string): ClaimOffer | null {
  const element = document.getElementById(EMBEDDED_OFFER_ID);
  if (!element) return null;
  element.remove();
  try {
    const embedded = JSON.parse(element.textContent ?? '') as EmbeddedOffer;
    return embedded.kind === kind && embedded.id === id ? (embedded.offer as ClaimOffer) : null;
  } catch {
    return null;
  }
}
