import { randomSymbols } from '../platform/secrets';

// Money never moves through StoreDesk: a pool is funded by a payment provider outside it, and the
// cloud records what the provider confirms. Two providers here, no real one:
// - manual: the merchant pays offline (a transfer quoting the reference) and the operator
//   confirms it through the admin API;
// - fake: confirms at once (tests and demonstrations; off unless the config allows it).

export type PaymentProviderName = 'fake' | 'manual';

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Asks for a payment: the reference the merchant quotes, and whether it is confirmed already. */
  request(amountFen: number): { reference: string; confirmed: boolean };
  /** Gives back what a pool did not spend (the provider's own business how). */
  refund(reference: string, amountFen: number): void;
}

export const manualProvider: PaymentProvider = {
  name: 'manual',
  request: () => ({ reference: `TK-${randomSymbols(8)}`, confirmed: false }),
  refund: () => {},
};

export const fakeProvider: PaymentProvider = {
  name: 'fake',
  request: () => ({ reference: `FAKE-${randomSymbols(8)}`, confirmed: true }),
  refund: () => {},
};

export function paymentProviders(enabled: readonly PaymentProviderName[]) {
  const all = { manual: manualProvider, fake: fakeProvider };
  return new Map(enabled.map((name) => [name, all[name]] as const));
}
