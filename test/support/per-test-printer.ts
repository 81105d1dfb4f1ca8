import { afterEach } from 'vitest';
import { startCapturePrinter, type CaptureStatus } from './capture-printer';

export type { CaptureStatus };

/** A capture printer that closes after the current test. */
export async function capturePrinter(options: { status?: CaptureStatus } = {}) {
  const printer = await startCapturePrinter(options);
  afterEach(printer.close);
  return printer;
}
