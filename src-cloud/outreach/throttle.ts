/**
 * Spaces hand-overs to at most `perSecond` a second over the sender's life (0: no limit): each
 * caller takes the next free slot and waits for it. Real time, not the business clock: it
 * paces a provider's intake, which a test clock does not move.
 */
export class Throttle {
  private nextSlot = 0;

  constructor(private readonly perSecond: number) {}

  async take(): Promise<void> {
    if (this.perSecond <= 0) return;
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.perSecond;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
