// Every text of the consumer web app (src-consumer), in Simplified Chinese: one object so an
// English file can follow with the same shape. Here in src-shared because the cloud writes the
// claim page's offer card into the page it serves (consumer/offer-card.ts). The cloud's refusals
// arrive already translated in `error.message`.

export const messages = {
  appTitle: '我的券包',
  errors: {
    network: '网络不给力，请检查网络后重试',
    server: '服务暂时不可用，请稍后再试',
    /** An offer's `unavailable` code without a translation. */
    unavailable: '暂时无法领取',
  },
  offer: {
    loading: '正在加载优惠…',
    remaining: (n: number) => `剩余 ${n} 张`,
    soldOut: '已领完',
    validity: (from: string, until: string) => `${from} 至 ${until}`,
    validityLabel: '活动时间',
    from: (from: string) => `${from} 起`,
    until: (until: string) => `截至 ${until}`,
    storeOnly: (store: string) => `限 ${store} 使用`,
    claim: '立即领取',
    claiming: '领取中…',
    claimed: '领取成功，已放入券包',
    already: '你已领过这张券，这是你持有的券',
    show: '出示券码',
    toWallet: '查看我的券包',
  },
  signIn: {
    title: '手机号登录',
    lead: '登录后领取的券会放进你的券包，到店出示即可使用',
    phone: '手机号',
    phonePlaceholder: '请输入11位手机号',
    phoneInvalid: '请输入正确的11位手机号',
    getCode: '获取验证码',
    resend: (seconds: number) => `${seconds} 秒后重发`,
    codeSent: '验证码已发送',
    code: '验证码',
    codePlaceholder: '6位数字验证码',
    submit: '登录',
    submitting: '登录中…',
  },
  consents: {
    title: '授权说明',
    lead: '首次使用前，请选择是否同意以下用途。你可以随时在券包中更改。',
    marketing: '接收优惠短信',
    marketingText: '同意商家通过短信向我发送优惠活动和到期提醒（每月不超过4条，回复R退订）。',
    location: '使用我的位置',
    locationText: '同意使用我的位置为我按距离排列可用门店；位置仅在查看券包时使用，不会被保存。',
    continue: '确定并继续',
  },
  wallet: {
    tabs: { available: '可用', used: '已使用', expired: '已过期' },
    empty: { available: '暂无可用的券', used: '还没有使用过的券', expired: '没有过期的券' },
    expiringSoon: '即将过期',
    validUntil: (date: string) => `有效期至 ${date}`,
    allStores: '全部门店可用',
    stores: '适用门店',
    distance: (m: number) => (m < 1000 ? `${m}米` : `${(m / 1000).toFixed(1)}公里`),
    usedAt: (at: string, store: string | null) => `已于 ${at}${store ? ` 在${store}` : ''}使用`,
    signOut: '退出登录',
    consents: '授权设置',
    signedOut: '已退出登录',
    signedInAs: (phone: string) => `当前账号 ${phone}`,
  },
  member: {
    title: '会员卡',
    points: '积分',
    level: '等级',
    noLevel: '普通会员',
  },
  coupon: {
    title: '出示券码',
    brightness: '请将手机屏幕调至最亮，出示给收银员扫码',
    code: '券码',
    used: '已使用',
    usedDetail: (at: string, store: string | null) => `${at}${store ? ` · ${store}` : ''}`,
    expired: '已过期',
    notFound: '券包中没有这张券',
    back: '返回券包',
  },
};

export type Messages = typeof messages;
