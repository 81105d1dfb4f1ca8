/**
 * Each store's settled share of new faces among its member sales (the rest come back), so the
 * demo's repeat-purchase rate is believable: it climbs over the first weeks and settles near
 * 65–75 %, never 98 %.
 */
const NEW_FACE_SHARE = [0.26, 0.32, 0.29, 0.24, 0.35, 0.3];

/** The demo's consumers: mainland mobiles made from the seed, and each store's members. */
export class DemoCustomers {
  /** Each store's members so far, first comers first. */
  private readonly members = new Map<number, string[]>();
  /** New faces take the next phone no store has had. */
  private nextNewPhone = 0;

  constructor(private readonly seed: number) {}

  /** The i-th phone of the demo (E.164). */
  phoneAt(i: number): string {
    return `+861${['38', '39', '58', '86', '77'][i % 5]}${String(10_000_000 + ((i * 7919 + this.seed) % 89_999_999)).padStart(8, '0')}`;
  }

  /**
   * The phone of a member sale at a store on day `day` (two draws in [0, 1)): mostly a member of
   * this store coming back (the early ones most often), but a share are new faces every day —
   * passers-by and new sign-ups — most of all while the store's data is young.
   */
  memberPhone(storeIndex: number, day: number, newFace: number, pick: number): string {
    const known = this.members.get(storeIndex) ?? [];
    this.members.set(storeIndex, known);
    const settled = NEW_FACE_SHARE[storeIndex % NEW_FACE_SHARE.length]!;
    const share = settled + (0.9 - settled) * Math.exp(-day / 10);
    if (!known.length || newFace < share) {
      const phone = this.phoneAt(this.nextNewPhone++);
      known.push(phone);
      return phone;
    }
    return known[Math.floor(pick * pick * known.length)]!;
  }

  /** Each store's customers who gave a phone, first comers first (the store's index: phones). */
  byStore(): ReadonlyMap<number, readonly string[]> {
    return this.members;
  }
}
