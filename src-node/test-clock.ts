import type { AdjustableClock } from './clock';

/** What the parent process sends to move the clock, and what it hears back. */
export interface ClockMove {
  type: 'clock.advance';
  ms: number;
}
export interface ClockMoved {
  type: 'clock.moved';
  now: number;
}

/**
 * The end-to-end server's clock, moved by the test that started it (`--test-clock`): only over
 * the child's IPC channel, which no browser or terminal can reach. After each move the daily
 * passes run, as they would when a PC is turned on the next morning.
 */
export function acceptClockMoves(clock: AdjustableClock, afterMove: () => void): void {
  if (!process.send) throw new Error('--test-clock needs an IPC channel to the parent process');
  process.on('message', (message: Partial<ClockMove>) => {
    if (message?.type !== 'clock.advance' || !Number.isSafeInteger(message.ms)) return;
    clock.advance(message.ms!);
    afterMove();
    const reply: ClockMoved = { type: 'clock.moved', now: clock.now() };
    process.send!(reply);
  });
}
