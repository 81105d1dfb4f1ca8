import type { UiMessages } from '../zh-CN';

export const home: UiMessages['home'] = {
  greeting: 'Hello, {{name}}',
  today: 'Today is {{date}}',
  todayTitle: 'Today',
  noStores: 'No stores yet',
  businessDay: 'Business day {{date}}',
  takings: 'Takings',
  tickets: '{{count}} sales',
  redemptions: 'Redemptions',
  discount: 'Discount',
  openAlerts: 'Open alerts',
  newAlerts: '{{count}} new',
  syncTitle: 'Cloud sync',
  syncUnpaired: 'Not connected to the cloud; data stays on this PC',
  syncLine: '{{pending}} waiting · last sync {{last}}',
  never: 'never',
  open: 'Open',
  upcomingLine: 'Coming soon: {{names}}',
};
