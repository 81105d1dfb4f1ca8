import type { UiMessages } from '../zh-CN';

export const cashback: UiMessages['cashback'] = {
  title: 'Cashback payout',
  subtitle:
    'The customer shows the cashback code (scan or type it) and gives a mobile number; it is paid to that number',
  code: 'Cashback code',
  codePlaceholder: 'Scan or type the code',
  phone: 'Customer mobile',
  phonePlaceholder: '11-digit mobile number',
  phoneHelp: 'The cashback goes to this number; each code pays once',
  submit: 'Pay out',
  scanned: 'Code read; now the mobile number',
  idleTitle: 'Waiting for a code',
  idleText: "Scan the code on the customer's receipt, enter the mobile number, then Pay out",
  paid: 'Paid out',
  paidDetail: '{{product}} · paid to {{phone}}',
  recent: 'Paid out this session',
};

export const cashbackSlip: UiMessages['cashbackSlip'] = {
  title: 'Print cashback slip',
  product: 'Product sold',
  productHelp: 'A cashback code for this product at this till; the customer claims with the slip',
  printNow: 'Print as soon as the code is made',
  request: 'Make the code',
};
