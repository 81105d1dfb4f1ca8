import type { UiMessages } from '../zh-CN';

export const setup: UiMessages['setup'] = {
  title: 'Welcome to StoreDesk',
  subtitle: 'Three steps to set up the shop; then log in as the owner',
  steps: {
    merchant: 'Merchant',
    store: 'First store',
    owner: 'Owner',
    confirm: 'Confirm',
  },
  merchantName: 'Merchant name',
  merchantNamePlaceholder: 'e.g. Fresh Fruit Select',
  merchantCode: 'Merchant code',
  merchantCodePlaceholder: 'e.g. XGYX-01',
  merchantCodeHelp:
    '3–20 letters, digits or hyphens; used for reconciliation and cloud sync, fixed once set',
  ownerName: 'Owner name',
  ownerNamePlaceholder: 'e.g. Wang',
  confirmHint:
    'Please check the details. Confirming creates the merchant, the store, terminal 1 (T01) and the owner account.',
  finish: 'Finish setup',
  finishing: 'Creating…',
  done: 'Setup complete. Log in with the owner account.',
};
