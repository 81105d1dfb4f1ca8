// The frame around the pages: the menu, the header, and the pages for a wrong address or a missing role.

export const nav = {
  menu: '功能菜单',
  home: '首页',
  staff: '员工管理',
  stores: '门店与收银台',
  audit: '操作日志',
  upcoming: '即将推出',
  redemption: '核销',
  cashback: '返现兑付',
  products: '商品',
  coupons: '优惠券',
  claimQr: '领券二维码',
  tasks: '打卡任务',
  outreach: '精准营销',
  redemptionHistory: '核销记录',
  printers: '打印机',
  scanner: '扫码枪',
  members: '会员',
  inventory: '库存',
  sale: '销售录单',
  till: '交班日结',
  stock: '库存',
  alerts: '库存预警',
  strategies: '促销与调价',
  analytics: '数据分析',
  reports: '经营报表',
  sync: '云端同步',
  settings: '设置',
  sectionTill: '收银',
  sectionGoods: '商品与库存',
  sectionBusiness: '营销与经营',
  sectionSystem: '系统',
  collapse: '收起菜单',
  expand: '展开菜单',
};

export const header = {
  terminal: '收银台 {{code}}',
  noTerminal: '未绑定收银台',
  allStores: '全部门店',
  lock: '锁屏',
  logout: '退出登录',
  loggedOut: '已退出登录',
};

export const pages = {
  forbiddenTitle: '无权访问',
  forbiddenText: '当前账号（{{role}}）不能打开此页面。如需使用，请联系店主或店长。',
  notFoundTitle: '页面不存在',
  notFoundText: '这个地址没有对应的页面。',
  backHome: '返回首页',
};
