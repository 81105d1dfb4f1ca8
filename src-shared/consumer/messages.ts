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
    // Check-in tasks use this consent too (the cloud refuses a check-in without it), and keep
    // the check-in's fix while the task runs: the text says both.
    locationText:
      '同意使用我的位置：按距离为我排列门店和打卡任务，并在定位打卡时核对我是否到达。打卡的精确位置只保留到任务结束，之后只留约100米精度。',
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
    showCode: '出示会员码',
    codeTitle: '会员码',
    codeHint: '出示给收银员扫码，本单积分自动记入；每 30 秒自动更新，截图无效',
    noCode: '商家尚未开通会员码，请报手机号',
    back: '返回券包',
  },
  coupon: {
    title: '出示券码',
    brightness: '请将手机屏幕调至最亮，出示给收银员扫码',
    code: '券码',
    used: '已使用',
    usedDetail: (at: string, store: string | null) => `${at}${store ? ` · ${store}` : ''}`,
    expired: '已过期',
    notFound: '券包中没有这张券（可能已转赠给朋友）',
    back: '返回券包',
  },
  share: {
    transfer: '转赠给朋友',
    copy: (left: number | null) =>
      left === null ? '分享给朋友' : `分享给朋友（还可分享 ${left} 次）`,
    making: '正在生成分享链接…',
    transferLead:
      '把这张券送给一位朋友：对方打开链接并登录领取后，券就归对方，你的券包里不再有它。',
    copyLead: '每位朋友打开链接并登录后可领到一张同样的券，你自己的券不变。',
    scan: '请朋友用手机扫码，或把链接发给朋友',
    copyLink: '复制链接',
    copied: '链接已复制',
    copyFailed: '无法自动复制，请长按链接手动复制',
    expires: (at: string) => `${at} 前有效，未被领取前可以收回`,
    recall: '收回分享',
    recalled: '已收回，这个链接不能再领取',
    received: '好友送的券',
    offerTransfer: '好友把这张券转赠给你',
    offerCopy: '好友分享给你一张券',
    accept: '领取这张券',
    accepting: '领取中…',
    accepted: '领取成功，已放入券包',
    status: {
      open: '',
      accepted: '这张券已被领取',
      recalled: '对方已收回这个分享',
      expired: '分享链接已过期',
    },
    left: (n: number) => `还可领取 ${n} 张`,
  },
  ask: {
    button: '向附近的人要一张',
    lead: '附近持有这家店优惠券、并同意分享位置的顾客会收到你的请求；对方看不到你的手机号。',
    asking: '正在发出请求…',
    sent: (n: number) =>
      n > 0
        ? `已向附近 ${n} 位持券人发出请求，有人送出后会显示在这里`
        : '附近暂时没有可以分享的持券人，稍后再试',
    needsLocation: '请允许使用你的位置，才能向附近的人索取',
    offer: (name: string) => `有人送你一张「${name}」`,
    take: '去领取',
    incomingTitle: '附近有人想要你的券',
    incoming: (store: string, distance: string, same: boolean) =>
      `${store} 附近${same ? '（同一商圈）' : ''}，距你约 ${distance}`,
    price: (yuan: string) => `对方愿付 ${yuan}（线下自行结算）`,
    give: '送给TA',
    ignore: '忽略',
    refuse: '拒绝',
    given: '已送出，对方领取后券会转给对方',
  },
  tasks: {
    entry: '打卡任务',
    entryLead: '到指定地点定位打卡，领取奖励',
    title: '附近任务',
    loading: '正在加载任务…',
    empty: '附近暂时没有打卡任务',
    noLocation: '未使用你的位置：任务不按距离排列，也不能定位打卡',
    locationFailed: '暂时无法获取你的位置，任务未按距离排列',
    allowLocation: '同意使用我的位置',
    distance: (distance: string) => `距你 ${distance}`,
    placesLeft: (n: number) => (n > 0 ? `剩余 ${n} 个名额` : '名额已满'),
    timeLeft: (minutes: number) =>
      minutes >= 24 * 60
        ? `还剩 ${Math.floor(minutes / (24 * 60))} 天`
        : minutes >= 60
          ? `还剩 ${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`
          : minutes >= 1
            ? `还剩 ${minutes} 分钟`
            : '即将截止',
    rewardCoupon: (name: string) => `奖励券：${name}`,
    rewardCashback: (yuan: string) => `返现 ${yuan}`,
    rewardPoints: (points: number) => `${points} 积分`,
    mine: '进行中',
    toWallet: '返回券包',
    toTasks: '返回任务列表',
    notFound: '这个任务已结束或不存在',
    labels: {
      target: '打卡地点',
      radius: '打卡范围',
      distance: '距离',
      deadline: '截止时间',
      places: '名额',
      eta: '预计到达',
    },
    radiusValue: (radiusM: number) => `距打卡地点 ${radiusM} 米以内`,
    deadlineValue: (at: string, left: string) => `${at}（${left}）`,
    onSite: '打卡后需到收银台出示任务码，核验后发放奖励',
    mode: '出行方式',
    modes: { walking: '步行', cycling: '骑行', driving: '驾车' },
    minutes: (n: number) =>
      n < 60 ? `约 ${n} 分钟` : `约 ${Math.floor(n / 60)} 小时${n % 60 ? ` ${n % 60} 分` : ''}`,
    lateBefore: (mode: string, at: string, deadline: string) =>
      `${mode}预计 ${at} 到达，晚于截止时间 ${deadline}，可能来不及`,
    accept: '接受任务',
    accepting: '正在接受…',
    states: {
      accepted: '已接受，待打卡',
      checkedIn: '已打卡，待核验',
      verified: '已完成',
      lapsed: '已失效',
    },
    /** The order's distance: measured from the phone's last fix (accepting or checking in). */
    lastDistance: (distance: string) => `${distance}（上次定位）`,
    etaValue: (mode: string, at: string) => `${at}（${mode}）`,
    eta: (mode: string, at: string) => `${mode}预计 ${at} 到达`,
    late: (at: string, deadline: string) => `预计 ${at} 到达，晚于截止时间 ${deadline} — 可能迟到`,
    lateMode: (mode: string) => `按${mode}估算。`,
    lateHint: '请尽快出发：截止前在打卡地点定位打卡才能获得奖励。',
    checkin: '我已到达，定位打卡',
    locating: '正在定位…',
    verdicts: {
      checkedIn: '打卡成功',
      tooFar: (distance: string, radiusM: number) =>
        `距目标还有 ${distance}，需在 ${radiusM} 米范围内才能打卡`,
      inaccurate: (accuracyM: number, maxM: number) =>
        `定位不够精确（误差约 ${accuracyM} 米，需在 ${maxM} 米以内），请到室外开阔处或打开 GPS 后重试`,
      late: '已过截止时间，不能再打卡',
      notStarted: '任务还没开始，请开始后再打卡',
      impossibleSpeed: '两次定位之间移动得太快，位置可能不准，请在目标地点稍后重试',
    },
    geo: {
      denied: '无法获取位置：请在浏览器或系统设置中允许本页面使用定位',
      unavailable: '暂时无法定位，请到室外开阔处重试',
      unsupported: '这个浏览器不能定位，请换用手机自带浏览器或微信打开',
    },
    needsLocation: '定位打卡需要使用你的位置，请先同意“使用我的位置”',
    showQr: '请到收银台出示此码',
    qrHint: '收银员扫码核验后，奖励自动发放；也可以扫收银台屏幕上的任务二维码',
    done: '任务完成，奖励已发放',
    couponDone: '奖励券已放入券包，点击出示',
    cashbackDone: (yuan: string) => `返现 ${yuan} 已确认，由商家支付给你`,
    pointsDone: (points: number) => `${points} 积分已记入你的会员账户`,
    lapsed: '任务已失效：没有在截止时间前完成，名额已退回',
    siteChecking: '正在核验…',
    siteRefused: '扫码核验未通过',
    toOrder: '去定位打卡',
    toProgress: '查看任务进度',
  },
};

export type Messages = typeof messages;
