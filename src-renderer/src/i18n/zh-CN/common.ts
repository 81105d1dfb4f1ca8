// Texts of the whole app and of its shared widgets: names, formats, buttons, the PIN pad, field rules and errors.

export const app = {
  name: '店务通',
  tagline: '小店后台 · 优惠券 · 核销 · 库存',
  loading: '正在加载…',
  startupFailed: '无法启动店务通',
  retry: '重试',
};

export const formats = {
  dateTime: 'YYYY-MM-DD HH:mm:ss',
  shortDateTime: 'MM-DD HH:mm',
  longDate: 'YYYY年M月D日 dddd',
};

export const common = {
  save: '保存',
  cancel: '取消',
  confirm: '确定',
  edit: '编辑',
  back: '返回',
  next: '下一步',
  previous: '上一步',
  close: '关闭',
  actions: '操作',
  status: '状态',
  yes: '是',
  no: '否',
  empty: '—',
  saved: '已保存',
  copied: '已复制',
  comingSoon: '即将推出',
  me: '我',
};

export const language = {
  label: '语言',
};

export const pin = {
  label: 'PIN 码',
  confirm: '再次输入 PIN 码',
  help: '6 位数字，用于登录和解锁屏幕',
  mismatch: '两次输入的 PIN 码不一致',
  placeholder: '6 位数字',
  pad: {
    backspace: '退格',
    clear: '清空',
    entered: '已输入 {{count}} 位，共 6 位',
    keyboardHint: '也可以直接用键盘输入数字',
    checking: '正在验证…',
  },
};

export const validation = {
  yuan: '请输入金额，例如 12 或 12.50',
  yuanDecimals: '金额最多两位小数（精确到分）',
};

export const errors = {
  NETWORK: '无法连接到店务通服务，请确认程序正在运行后重试',
};
