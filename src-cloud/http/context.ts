import type { Language } from '../../src-shared/i18n';

/** A paired device, as its token proved. */
export interface DeviceActor {
  deviceId: string;
  merchantId: string;
  name: string;
  storeId: string | null;
  /** Which of its tokens it used: the previous one still works until the new one is used. */
  via: 'current' | 'previous';
}

/** A phone signed in to one merchant's wallet, as its session proved. */
export interface ConsumerActor {
  merchantId: string;
  /** E.164. */
  phone: string;
  sessionId: string;
  expiresAt: number;
}

/** What a handler may add to its answer besides the data (the wallet's session cookie). */
export interface ReplyHooks {
  header(name: string, value: string): void;
  /** The request came over https (directly or through a trusted proxy): cookies get Secure. */
  readonly secure: boolean;
}

export interface RequestContext {
  lang: Language;
  ip: string;
  reply: ReplyHooks;
}

export interface DeviceContext extends RequestContext {
  device: DeviceActor;
}

export interface ConsumerContext extends RequestContext {
  consumer: ConsumerActor;
}
