import { afterThisTest } from './after-test';
import { startCapturePrinter, type CaptureStatus } from './capture-printer';

export type { CaptureStatus };

/** A capture printer that closes after the current test. */
export async function capturePrinter(options: { status?: CaptureStatus } = {}) {
  const printer = await startCapturePrinter(options);
  afterThisTest(printer.close);
  return printer;
}
