import { EMBEDDED_OFFER_ID, type EmbeddedOffer } from '../../src-shared/consumer/claim-page';
import type { ClaimOffer } from './components/OfferCard';

let embedded: EmbeddedOffer | null | undefined;

/** The offer block the cloud wrote into the page, read once (React may render twice). */
function readEmbedded(): EmbeddedOffer | null {
  if (embedded !== undefined) return embedded;
  const element = document.getElementById(EMBEDDED_OFFER_ID);
  try {
    embedded = element ? (JSON.parse(element.textContent ?? '') as EmbeddedOffer) : null;
  } catch {
    embedded = null;
  }
  return embedded;
}

/**
 * The offer the cloud wrote into this claim page, if it is for this page: the first render needs
 * no API round trip (the page still asks the API for fresh counts right after).
 */
export function takeEmbeddedOffer(kind: EmbeddedOffer['kind'], id: string): ClaimOffer | null {
  const found = readEmbedded();
  return found && found.kind === kind && found.id === id ? (found.offer as ClaimOffer) : null;
}
