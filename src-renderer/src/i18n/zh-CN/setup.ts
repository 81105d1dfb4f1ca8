// The first start: the shop, its first store and its owner.

export const setup = {
  title: '欢迎使用店务通',
  subtitle: '四步完成首次设置（商户、门店、店主、确认），之后就可以用店主账号登录',
  steps: {
    merchant: '商户信息',
    store: '首个门店',
    owner: '店主账号',
    confirm: '确认',
  },
  merchantName: '商户名称',
  merchantNamePlaceholder: '例如：鲜果优选',
  merchantCode: '商户编码',
  merchantCodePlaceholder: '例如：XGYX-01',
  merchantCodeHelp:
    '店铺的简称，例如店名拼音首字母加编号（XGYX-01），对账和连接云端时用它；3–20 位字母、数字或连字符，设置后不能修改',
  ownerName: '店主姓名',
  ownerNamePlaceholder: '例如：王店主',
  confirmHint: '请核对以下信息。确认后将创建商户、门店、1 号收银台（T01）和店主账号。',
  finish: '完成设置',
  finishing: '正在创建…',
  done: '设置完成，请使用店主账号登录',
};
