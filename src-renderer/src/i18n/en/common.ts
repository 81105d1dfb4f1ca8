import type { UiMessages } from '../zh-CN';

export const app: UiMessages['app'] = {
  name: 'StoreDesk',
  tagline: 'Shop back-office · coupons · redemption · stock',
  loading: 'Loading…',
  startupFailed: 'StoreDesk could not start',
  retry: 'Retry',
};

export const formats: UiMessages['formats'] = {
  dateTime: 'YYYY-MM-DD HH:mm:ss',
  shortDateTime: 'MM-DD HH:mm',
  longDate: 'dddd, MMMM D, YYYY',
};

export const common: UiMessages['common'] = {
  save: 'Save',
  cancel: 'Cancel',
  confirm: 'OK',
  edit: 'Edit',
  back: 'Back',
  next: 'Next',
  previous: 'Previous',
  close: 'Close',
  actions: 'Actions',
  status: 'Status',
  yes: 'Yes',
  no: 'No',
  empty: '—',
  saved: 'Saved',
  copied: 'Copied',
  comingSoon: 'Coming soon',
  me: 'me',
};

export const language: UiMessages['language'] = {
  label: 'Language',
};

export const pin: UiMessages['pin'] = {
  label: 'PIN',
  confirm: 'PIN again',
  help: '6 digits, used to log in and to unlock the screen',
  mismatch: 'The two PINs differ',
  placeholder: '6 digits',
  pad: {
    backspace: 'Backspace',
    clear: 'Clear',
    entered: '{{count}} of 6 digits entered',
    keyboardHint: 'You can also type the digits on the keyboard',
    checking: 'Checking…',
  },
};

export const validation: UiMessages['validation'] = {
  yuan: 'Enter an amount, e.g. 12 or 12.50',
  yuanDecimals: 'At most two decimals (to the fen)',
};

export const errors: UiMessages['errors'] = {
  NETWORK: 'Cannot reach the StoreDesk service; make sure it is running and try again',
};
