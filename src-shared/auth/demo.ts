/**
 * Every demo staff member's PIN, shown on the demo shop's login screen. Not a weak PIN (see
 * weak-pin.ts), so the demo teaches no bad habit.
 */
export const DEMO_STAFF_PIN = '135790';
