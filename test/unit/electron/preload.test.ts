import { EventEmitter } from 'node:events';
import path from 'node:path';
import prettier from 'prettier';
import { describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../../src-preload/bridge';
import { EVENT_NAMES, METHOD_NAMES } from '../../../src-preload/contract-names';
import { events, methods } from '../../../src-shared/contract';
import { IPC_CALL, IPC_EVENT, IPC_SAVE_PDF } from '../../../src-shared/ipc';

const NAMES_MODULE = path.resolve(import.meta.dirname, '../../../src-preload/contract-names.ts');

/** src-preload/contract-names.ts as it must read: the contract's names, nothing else. */
async function namesModuleSource(): Promise<string> {
  const source = `// Generated from src-shared/contract by test/unit/electron/preload.test.ts: do not edit.
// After changing the contract: npx vitest run test/unit/electron -u
// The preload checks names against these lists without bundling zod and every schema.
import type { EventName, MethodName } from '../src-shared/contract';

export const METHOD_NAMES = ${JSON.stringify(Object.keys(methods))} as const satisfies readonly MethodName[];

export const EVENT_NAMES = ${JSON.stringify(Object.keys(events))} as const satisfies readonly EventName[];
`;
  const config = await prettier.resolveConfig(NAMES_MODULE);
  return prettier.format(source, { ...config, filepath: NAMES_MODULE });
}

describe('preload contract names', () => {
  it('are exactly the contract’s method and event names', () => {
    expect(METHOD_NAMES).toEqual(Object.keys(methods));
    expect(EVENT_NAMES).toEqual(Object.keys(events));
  });

  it('are generated from the contract (`-u` regenerates the module)', async () => {
    await expect(await namesModuleSource()).toMatchFileSnapshot(NAMES_MODULE);
  });
});

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 'answered' })),
  });
}

describe('window.storedesk', () => {
  it('invokes contract methods over the call channel and refuses other names', async () => {
    const ipcRenderer = fakeIpcRenderer();
    const bridge = createBridge(ipcRenderer);
    await expect(bridge.call('setup.status', {})).resolves.toEqual({ ok: true, data: 'answered' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CALL, 'setup.status', {});
    await expect(bridge.call('fs.readFile' as 'setup.status', {})).rejects.toThrow(
      'unknown method fs.readFile',
    );
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('delivers only the subscribed event until unsubscribed, and refuses unknown events', () => {
    const ipcRenderer = fakeIpcRenderer();
    const bridge = createBridge(ipcRenderer);
    const heard: unknown[] = [];
    const off = bridge.on('stores.changed', (payload) => heard.push(payload));
    ipcRenderer.emit(IPC_EVENT, {}, 'staff.changed', { staffId: 'a' });
    ipcRenderer.emit(IPC_EVENT, {}, 'stores.changed', { storeId: 'b' });
    off();
    ipcRenderer.emit(IPC_EVENT, {}, 'stores.changed', { storeId: 'c' });
    expect(heard).toEqual([{ storeId: 'b' }]);
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(0);
    expect(() => bridge.on('secret.event' as 'stores.changed', () => {})).toThrow(
      'unknown event secret.event',
    );
  });

  it('asks the main process to save the report as PDF, with a file name only', async () => {
    const ipcRenderer = fakeIpcRenderer();
    ipcRenderer.invoke.mockResolvedValueOnce('/home/shop/报表.pdf' as never);
    const bridge = createBridge(ipcRenderer);
    await expect(bridge.saveAsPdf('报表.pdf')).resolves.toBe('/home/shop/报表.pdf');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_SAVE_PDF, '报表.pdf');
    await expect(bridge.saveAsPdf({ path: '/etc' } as unknown as string)).rejects.toThrow(
      'file name expected',
    );
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });
});
