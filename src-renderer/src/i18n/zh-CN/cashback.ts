// Cashback codes and their slips.

export const cashback = {
  title: '返现兑付',
  subtitle: '顾客出示返现码（扫码或输入），再填手机号，返现即发到该手机号',
  code: '返现码',
  codePlaceholder: '扫描或输入返现码',
  phone: '顾客手机号',
  phonePlaceholder: '11 位手机号',
  phoneHelp: '返现发放到这个手机号，每个返现码只能兑付一次',
  submit: '兑付返现',
  scanned: '已读取返现码，请输入顾客手机号',
  idleTitle: '等待兑付',
  idleText: '扫描顾客小票上的返现码，填写手机号后点“兑付返现”',
  paid: '兑付成功',
  paidDetail: '{{product}} · 已发放到 {{phone}}',
  recent: '本次已兑付',
};

export const cashbackSlip = {
  title: '打印返现小票',
  product: '售出的商品',
  productHelp: '为这件商品出一个返现码（绑定本收银台），顾客凭小票领取返现',
  printNow: '出码后立即打印',
  request: '出返现码',
};
