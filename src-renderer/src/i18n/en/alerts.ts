import type { UiMessages } from '../zh-CN';

export const alerts: UiMessages['alerts'] = {
  title: 'Stock alerts',
  subtitle:
    'Low stock asks for a restock and warns the price may rise; slow sellers get a suggested discount, one click from a coupon',
  evaluate: 'Check now',
  evaluated:
    '{{checked}} stock rows checked: {{raised}} raised, {{resolved}} resolved, {{open}} open',
  empty: 'No alerts match',
  priceMayRise: 'Price may rise',
  couponMade: 'Coupon created',
  acknowledged: 'Acknowledged: {{name}}',
  snoozed: 'Alert for {{name}} snoozed for {{days}} days',
  snoozedUntil: 'Snoozed until {{at}}',
  acknowledgedBy: 'Acknowledged by {{name}}',
  resolvedAt: 'Resolved {{at}}',
  raisedAt: 'Raised {{at}}',
  tabs: {
    alerts: 'Alerts',
    thresholds: 'Thresholds',
  },
  filters: {
    open: 'Open',
    allKinds: 'All kinds',
  },
  columns: {
    kind: 'Kind',
    product: 'Product / store',
    advice: 'Advice',
  },
  cause: {
    low: 'Stock {{qty}}, below the restock level {{low}}',
    slow: 'Stock {{qty}}, above {{high}} for {{days}} days',
    negative: 'Stock on file {{qty}}, below zero',
  },
  advice: {
    restock: 'Restock {{qty}} units',
    restockDetail:
      '{{avg}}/day over {{window}} days; {{lead}} days lead time + {{cover}} days cover',
    discount: 'Discount to {{zhe}}',
    discountDetail: '{{from}} → {{to}}',
    negative: 'Count the stock or record the goods received',
  },
  actions: {
    acknowledge: 'Acknowledge',
    snooze: 'Snooze',
    snoozeDays: 'Snooze {{days}} days',
    itemCoupon: 'Item coupon',
    percentCoupon: 'Percent-off coupon (this product)',
    moreCoupons: 'Other coupon types',
    thresholds: 'Thresholds',
  },
  notify: {
    title: 'Stock alert: {{kind}}',
    body: '{{product}} · {{store}}',
    open: 'Open',
    enable: 'Desktop notifications',
    denied: 'The browser blocks desktop notifications; new alerts show in the corner of the app.',
  },
  evaluateDone: 'Checked',
  thresholds: {
    title: 'Thresholds: {{name}} · {{store}}',
    categoryTitle: 'Category default thresholds',
    intro:
      'Restock alert when stock falls below the restock level; slow-moving when it stays above the overstock level for the given days. Empty: the category default applies.',
    lowLevel: 'Restock level',
    lowHelp: 'Alert when stock is below this',
    highLevel: 'Overstock level',
    highHelp: 'Days count above this',
    slowDays: 'Slow after',
    slowHelp: 'Days above the overstock level',
    units: 'units',
    days: 'days',
    notSet: 'Not set',
    saved: 'Thresholds of {{name}} saved',
    cleared: 'Thresholds cleared',
    empty:
      'No thresholds yet. Set them for a product on the stock page, or add a category default here',
    target: 'Product / category',
    categoryDefault: 'Category default',
    category: 'Category',
    store: 'Store',
    storeHelp: 'Empty: every store',
    addCategory: 'Add a category default',
    howTo:
      'Set a product’s thresholds from the stock page or an alert; a category default applies to its products without their own.',
    confirmClear: 'The category default (if any) will apply. Clear these thresholds?',
    clear: 'Clear',
  },
  preview: {
    title: 'Preview of this rule ({{store}}):',
    fillIn: 'Fill in a low or high level to see which products it would flag',
    pickCategory: 'Pick a category to see which of its products this rule would flag',
    item: '{{name}} (stock {{qty}})',
    more: 'and {{count}} more',
    lowNow: 'Restock alert now (stock below {{low}}): {{count}}',
    noLow: 'No product is below {{low}}: no restock alert for now',
    noneAbove: 'No product is above {{high}}: nothing at risk of slow-moving',
    aboveNoDays:
      '{{count}} products are above {{high}}; fill in the days to be warned of slow-moving stock',
    historyToday:
      "This shop's stock history starts today, less than {{days}} days: nothing is slow-moving yet. The products below will be, on the dates shown, if nothing sells.",
    historyShort:
      'This shop has {{history}} days of stock history, less than {{days}}: too soon to tell slow-moving stock. The products below will be, on the dates shown, if nothing sells.',
    slowNow: 'Slow-moving now (above the high level for {{days}} days or more): {{count}}',
    slowLater: 'Above {{high}}, slow-moving if nothing sells within {{days}} days: {{count}}',
    from: 'from {{date}}',
  },
};

export const strategies: UiMessages['strategies'] = {
  title: 'Pricing advice',
  subtitle:
    'Per store: slow sellers to discount and scarce items whose price may rise, ready to publish to customers',
  discounted: 'To discount',
  priceMayRise: 'Price may rise',
  noDiscounted: 'No slow sellers',
  noPriceMayRise: 'Nothing is running low',
  price: 'Discounted',
  currentPrice: 'Price',
  stock: 'Stock',
  left: '{{qty}} left (restock at {{low}})',
  since: 'since {{date}}',
  coupon: 'Coupon',
  couponMade: 'Created',
  makeCoupon: 'Create',
  publish: 'Show to customers',
  publishHint: 'Customers see this item in the shop’s offers on their phones (after the next sync)',
  publishedSince: 'Shown to customers since {{time}}; withdrawn by itself when the alert clears',
  published: 'Shown to customers after the next sync',
  withdrawn: 'Withdrawn',
};
