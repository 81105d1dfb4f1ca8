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

export interface RequestContext {
  lang: Language;
  ip: string;
}

export interface DeviceContext extends RequestContext {
  device: DeviceActor;
}
