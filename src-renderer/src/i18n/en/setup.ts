import type { UiMessages } from '../zh-CN';

export const setup: UiMessages['setup'] = {
  title: 'Welcome to StoreDesk',
  subtitle:
    'Four steps to set up the shop (merchant, store, owner, confirm); then log in as the owner',
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
    'A short name for the shop, e.g. its initials and a number (XGYX-01), used on statements and to connect to the cloud; 3–20 letters, digits or hyphens, fixed once set',
  ownerName: 'Owner name',
  ownerNamePlaceholder: 'e.g. Wang',
  confirmHint:
    'Please check the details. Confirming creates the merchant, the store, terminal 1 (T01) and the owner account.',
  finish: 'Finish setup',
  finishing: 'Creating…',
  done: 'Setup complete. Log in with the owner account.',
};
