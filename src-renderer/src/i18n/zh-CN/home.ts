// The home page.

export const home = {
  greeting: '{{name}}，你好',
  today: '今天是 {{date}}',
  todayTitle: '今日概况',
  noStores: '还没有门店',
  businessDay: '营业日 {{date}}',
  takings: '营业额',
  tickets: '{{count}} 笔',
  redemptions: '核销',
  discount: '优惠',
  openAlerts: '待处理预警',
  newAlerts: '{{count}} 条新预警',
  syncTitle: '云端同步',
  syncUnpaired: '尚未连接云端，数据只保存在本机',
  syncLine: '待上传 {{pending}} 条 · 上次同步 {{last}}',
  never: '从未',
  open: '查看',
  upcomingLine: '即将推出：{{names}}',
};
