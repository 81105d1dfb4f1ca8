import type { UiMessages } from '../zh-CN';

export const login: UiMessages['login'] = {
  title: 'Who is logging in?',
  noStaff: 'Nobody can log in yet; please ask the owner',
  search: 'Search staff by name',
  noMatch: 'Nobody of that name',
  otherStores: 'Staff of other stores ({{count}})',
  otherStoresList: 'Staff of other stores',
  locked: 'Locked',
  lockedHint: 'Too many wrong PINs; try later or ask a manager to reset the PIN',
  pinTitle: 'Enter your PIN',
  switchStaff: 'Someone else',
  sessionEnded: 'Your session was ended (deactivated, PIN reset or locked); please log in again',
  sessionExpired: 'Your session has expired; please log in again',
};

export const lock: UiMessages['lock'] = {
  title: 'Screen locked',
  hint: 'Enter the PIN of {{name}} to unlock',
  switchUser: 'Switch user',
};
