import { afterAll, onTestFinished } from 'vitest';

/**
 * Runs `cleanup` when the current test ends, passed or failed. Called outside a test (a
 * `beforeAll`), it runs after the file's tests instead. `afterEach` is not the tool here: called
 * from inside a running test it lands on no test at all, and temp folders piled up by the thousand.
 */
export function afterThisTest(cleanup: () => unknown): void {
  try {
    onTestFinished(async () => {
      await cleanup();
    });
  } catch {
    afterAll(async () => {
      await cleanup();
    });
  }
}
