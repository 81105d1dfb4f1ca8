import { describe, expect, it, vi } from 'vitest';
import { appLocation } from '../../../src-main/electron/app-url';
import {
  applyContentSecurityPolicy,
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  isExternalWebUrl,
  lockDownWebContents,
  restrictPermissions,
} from '../../../src-main/electron/security';
import { createMemoryLogger } from '../../../src-node/logger';
import { FakeSession, FakeWebContents } from './fakes';

const built = appLocation();
const dev = appLocation({ devServerUrl: 'http://localhost:5173/' });

describe('the app’s own pages', () => {
  it('are the built index.html served at app://storedesk/ (any route) in production', () => {
    expect(built.url).toBe('app://storedesk/index.html');
    expect(built.isAppUrl(built.url)).toBe(true);
    expect(built.isAppUrl(`${built.url}#/coupons?page=2`)).toBe(true);
    for (const url of [
      'app://storedesk/evil.html',
      'app://storedesk/index.html?next=https://example.com',
      'app://other/index.html',
      'file:///opt/%E5%BA%97%E5%8A%A1%E9%80%9A%20StoreDesk/resources/app.asar/out/renderer/index.html',
      'file:///etc/passwd',
      'http://localhost:5173/',
      'https://example.com/index.html',
      'not a url',
    ])
      expect(built.isAppUrl(url), url).toBe(false);
  });

  it('are the dev server’s origin in development', () => {
    expect(dev.url).toBe('http://localhost:5173/');
    expect(dev.isAppUrl('http://localhost:5173/#/login')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isAppUrl(built.url)).toBe(false);
  });
});

describe('content security policy', () => {
  it('is added to every response, keeping the other headers', () => {
    const session = new FakeSession();
    applyContentSecurityPolicy(session, CONTENT_SECURITY_POLICY);
    expect(session.respond({ 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('lets the dev server’s inline refresh preamble run, and nothing else more', () => {
    expect(DEV_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
  });
});

function lockedDown() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(async (_url: string) => {});
  const logger = createMemoryLogger();
  lockDownWebContents(contents, { isAppUrl: built.isAppUrl, openExternal, logger });
  return { contents, openExternal, logger };
}

describe('navigation lock', () => {
  it('lets the window move between its own routes only', () => {
    const { contents, logger } = lockedDown();
    expect(contents.navigate('will-navigate', `${built.url}#/login`)).toBe(false);
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.com/phish')).toBe(true);
    expect(logger.lines.map((line) => line.fields?.url)).toEqual([
      'https://example.com/',
      'file:///etc/passwd',
      'https://example.com/phish',
    ]);
  });

  it('never attaches a <webview>', () => {
    expect(lockedDown().contents.navigate('will-attach-webview', 'https://example.com/')).toBe(
      true,
    );
  });

  it('opens no window: web links go to the system browser, anything else nowhere', () => {
    const { contents, openExternal } = lockedDown();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    for (const url of [
      'https://www.example.com/help',
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      `${built.url}#/other`,
      'https://user:pass@example.com/',
    ])
      expect(open(url), url).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.example.com/help']]);
  });

  it('hands only credential-free http(s) addresses to the browser', () => {
    expect(isExternalWebUrl('https://example.com/a?b=1')).toBe(true);
    expect(isExternalWebUrl('http://example.com/')).toBe(true);
    for (const url of [
      'smb://server/share',
      'mailto:a@b.c',
      'ms-settings:',
      'https://a:b@c.d/',
      '',
    ])
      expect(isExternalWebUrl(url), url).toBe(false);
  });
});

describe('permissions', () => {
  it('grants desktop notifications (inventory alerts) and denies every other web permission', () => {
    const session = new FakeSession();
    restrictPermissions(session);
    expect(session.request('notifications')).toBe(true);
    expect(session.permissionCheckHandler!(null, 'notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'hid', 'usb', 'serial', 'openExternal']) {
      expect(session.request(permission), permission).toBe(false);
      expect(session.permissionCheckHandler!(null, permission), permission).toBe(false);
    }
  });
});
