import { randomInt } from 'node:crypto';

// On PostgreSQL the suites share one database, and the cloud limits texts per phone across all
// merchants (resend interval, daily cap): a test that texts a phone takes one nobody else uses.

const used = new Set<string>();

/** A mainland mobile number (11 digits, 137…) no other call of this process has returned. */
export function freshPhone(): string {
  for (;;) {
    const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}
