import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncErrorText } from '../../../src-renderer/src/features/sync/sync-error-text';
import { translator } from './translator';

let zh: TFunction;
beforeAll(async () => {
  zh = await translator('zh-CN');
});

describe('a failed sync in shop words', () => {
  it('says what to check instead of the resolver error', () => {
    const text = syncErrorText(zh, 'NETWORK: getaddrinfo ENOTFOUND cloud.example.cn');
    expect(text).toBe('连不上云端：请检查本机网络和云端地址，恢复后会自动重试');
    expect(text).not.toContain('ENOTFOUND');
  });

  it('names a bare HTTP status, passes the cloud’s own (translated) message, hides our errors', () => {
    expect(syncErrorText(zh, 'HTTP_502: HTTP 502')).toBe(
      '云端暂时出错（HTTP 502），稍后会自动重试',
    );
    expect(syncErrorText(zh, 'RATE_LIMITED: 请求过于频繁，请 30 秒后再试')).toBe(
      '请求过于频繁，请 30 秒后再试',
    );
    expect(syncErrorText(zh, 'TypeError: Cannot read properties of undefined')).toBe(
      '同步时本机出错，已记录日志，稍后会自动重试',
    );
  });
});
