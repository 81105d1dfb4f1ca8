// Signing in, and the lock screen an idle till falls to.

export const login = {
  title: '请选择员工登录',
  noStaff: '还没有可登录的员工，请联系店主',
  search: '搜索员工姓名',
  noMatch: '没有找到这位员工',
  otherStores: '其他门店的员工（{{count}} 人）',
  otherStoresList: '其他门店的员工',
  locked: '已锁定',
  lockedHint: '输错 PIN 次数过多，请稍后再试，或请店长重置 PIN',
  pinTitle: '请输入 PIN 码',
  switchStaff: '换一位员工',
  sessionEnded: '您的登录已被结束（账号停用、PIN 重置或被锁定），请重新登录',
  sessionExpired: '登录已过期，请重新登录',
};

export const lock = {
  title: '屏幕已锁定',
  hint: '请输入 {{name}} 的 PIN 码解锁',
  switchUser: '切换用户',
};
