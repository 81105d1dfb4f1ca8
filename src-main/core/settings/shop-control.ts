/**
 * How a handler asks for the shop to be reopened: the demo shop's folder instead of the real
 * one, or the real shop's database replaced by a backup. The shop host (shop-host.ts) does it
 * once the call has answered; a core built without a host (tests, scripts) cannot switch.
 */
export interface ShopControl {
  switchTo(target: 'demo' | 'real'): void;
  restoreFrom(backupFile: string): void;
}
