import { describe, expect, it, vi } from 'vitest';
import { defaultCoreConfig } from '../../../src-main/core/config';
import { registerIpc } from '../../../src-main/electron/ipc';
import type { OutputOf } from '../../../src-shared/contract';
import { IPC_CALL, IPC_EVENT } from '../../../src-shared/ipc';
import { OWNER_PIN, setupInput, testCore } from '../../support/core';
import { FakeIpcMain, FakeWebContents } from './fakes';

const APP_URL = 'app://storedesk/index.html';
const isAppUrl = (url: string) => url.split('#')[0] === APP_URL;

/** A real core behind the IPC bridge, and windows that call it the way the preload does. */
async function bridged(locale = 'zh-CN') {
  const t = await testCore();
  const ipcMain = new FakeIpcMain();
  const ipc = registerIpc({ ipcMain, core: t.core, isAppUrl, locale });
  function openWindow() {
    const contents = new FakeWebContents();
    ipc.attachWindow(contents);
    const call = (method: string, input: unknown = {}, frameUrl = `${APP_URL}#/`) =>
      ipcMain.invoke(IPC_CALL, contents, { url: frameUrl, parent: null }, method, input);
    const events = () =>
      contents.sent.filter((m) => m.channel === IPC_EVENT).map((m) => m.args[0] as string);
    return { contents, call, events };
  }
  const ids = await t.ok('setup.initialize', setupInput);
  return { ...t, ipcMain, ipc, ids, openWindow };
}

async function loginAsOwner(
  window: ReturnType<Awaited<ReturnType<typeof bridged>>['openWindow']>,
  ownerId: string,
) {
  const result = await window.call('auth.login', { staffId: ownerId, pin: OWNER_PIN });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data as OutputOf<'auth.login'>;
}

describe('IPC calls', () => {
  it('refuse frames that are not the app’s top frame, without reaching the core', async () => {
    const { openWindow, ipcMain, logger, core } = await bridged();
    const coreCalls = vi.spyOn(core, 'call');
    const { contents, call } = openWindow();
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: '当前账号无权执行此操作' } };
    expect(await call('setup.status', {}, 'https://example.com/')).toEqual(refused);
    expect(await call('setup.status', {}, 'file:///tmp/other.html')).toEqual(refused);
    const subframe = { url: APP_URL, parent: { url: APP_URL } };
    expect(await ipcMain.invoke(IPC_CALL, contents, subframe, 'setup.status', {})).toEqual(refused);
    expect(await ipcMain.invoke(IPC_CALL, contents, null, 'setup.status', {})).toEqual(refused);
    // A web contents the shell never attached (a devtools page, a stray window) is refused too.
    const stranger = new FakeWebContents();
    const top = { url: APP_URL, parent: null };
    expect(await ipcMain.invoke(IPC_CALL, stranger, top, 'setup.status', {})).toEqual(refused);
    expect(logger.lines.filter((l) => l.message.startsWith('ipc call refused'))).toHaveLength(5);
    expect(coreCalls).not.toHaveBeenCalled();
  });

  it('refuse names outside the contract, in the app’s language', async () => {
    const { openWindow } = await bridged('en-US');
    const { call } = openWindow();
    expect(await call('sqlite.exec', { sql: 'DROP TABLE staff' })).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_METHOD',
        message: 'Unknown API method: sqlite.exec',
        details: { method: 'sqlite.exec' },
      },
    });
    expect(await call('constructor')).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answer contract methods with the core’s result', async () => {
    const { openWindow } = await bridged();
    expect(await openWindow().call('setup.status')).toEqual({
      ok: true,
      data: { initialized: true, merchant: { name: '鲜果优选', code: 'XGYX-01' }, demo: false },
    });
  });
});

describe('sessions held per window', () => {
  it('remember the token of a login and use it for that window’s next calls only', async () => {
    const { openWindow, ids } = await bridged();
    const till = openWindow();
    const other = openWindow();
    expect(await till.call('auth.session')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    const login = await loginAsOwner(till, ids.ownerId);
    expect(login.token).toEqual(expect.any(String));
    expect(await till.call('auth.session')).toMatchObject({
      ok: true,
      data: { staff: { name: '王店主', role: 'owner' } },
    });
    expect(await other.call('auth.session')).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('are forgotten on logout', async () => {
    const { openWindow, ids } = await bridged();
    const till = openWindow();
    await loginAsOwner(till, ids.ownerId);
    expect(await till.call('auth.logout')).toEqual({ ok: true, data: { loggedOut: true } });
    // The revoked token is no longer sent: not SESSION_EXPIRED, but no session at all.
    expect(await till.call('auth.session')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('are forgotten when the core answers SESSION_EXPIRED', async () => {
    const { openWindow, ids, clock } = await bridged();
    const till = openWindow();
    await loginAsOwner(till, ids.ownerId);
    clock.advance(defaultCoreConfig.sessionIdleMs + 1);
    expect(await till.call('auth.session')).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
    expect(await till.call('auth.session')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    // And the window can log in again.
    await loginAsOwner(till, ids.ownerId);
    expect(await till.call('auth.session')).toMatchObject({ ok: true });
  });

  it('end with the window: a destroyed window’s calls are refused', async () => {
    const { openWindow, ids } = await bridged();
    const till = openWindow();
    await loginAsOwner(till, ids.ownerId);
    till.contents.destroy();
    expect(await till.call('auth.session')).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('events', () => {
  it('reach only the windows whose session may see them, and stop when a window goes', async () => {
    const { openWindow, ids } = await bridged();
    const owner = openWindow();
    const anonymous = openWindow();
    await loginAsOwner(owner, ids.ownerId);

    const staffInput = { name: '李收银', role: 'cashier', pin: '135790' };
    expect(await owner.call('staff.create', staffInput)).toMatchObject({ ok: true });
    expect(owner.events()).toEqual(expect.arrayContaining(['staff.changed', 'audit.appended']));
    expect(anonymous.events()).toEqual([]);
    const [event] = owner.contents.sent;
    expect(event).toMatchObject({
      channel: IPC_EVENT,
      args: ['staff.changed', { staffId: expect.any(String) }],
    });

    const heardBefore = owner.contents.sent.length;
    owner.contents.destroy();
    const second = openWindow();
    await loginAsOwner(second, ids.ownerId);
    await second.call('staff.create', { ...staffInput, name: '赵收银' });
    expect(second.events()).toContain('staff.changed');
    expect(owner.contents.sent).toHaveLength(heardBefore);
  });

  it('tell a window whose session was ended elsewhere, so it can return to the login', async () => {
    const { openWindow, ok, ids } = await bridged();
    const owner = openWindow();
    const { token: ownerToken } = await loginAsOwner(owner, ids.ownerId);
    const manager = await ok(
      'staff.create',
      { name: '李店长', role: 'manager', pin: '135790' },
      ownerToken,
    );
    const managerWindow = openWindow();
    await managerWindow.call('auth.login', { staffId: manager.id, pin: '135790' });

    await ok('staff.deactivate', { id: manager.id }, ownerToken);
    expect(managerWindow.events()).toContain('session.revoked');
    expect(owner.events()).not.toContain('session.revoked');
    expect(await managerWindow.call('auth.session')).toMatchObject({
      error: { code: 'SESSION_EXPIRED' },
    });
  });

  it('stop for every window, and calls are no longer answered, once disposed', async () => {
    const { openWindow, ids, ipc, ipcMain, ok } = await bridged();
    const owner = openWindow();
    const { token } = await loginAsOwner(owner, ids.ownerId);
    ipc.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    await ok('staff.create', { name: '李收银', role: 'cashier', pin: '135790' }, token);
    expect(owner.events()).toEqual([]);
  });
});
