import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src-node/logger';
import {
  pdfFileName,
  registerPdfSaving,
  type SaveDialogAnswer,
} from '../../../src-main/electron/pdf';
import { IPC_SAVE_PDF } from '../../../src-shared/ipc';
import { tempDir } from '../../support/core';
import { FakeIpcMain, FakeWebContents } from './fakes';

const APP_URL = 'app://storedesk/index.html';
const TOP = { url: `${APP_URL}#/reports`, parent: null };

function pdfSaving(answer: (defaultPath: string) => SaveDialogAnswer) {
  const ipcMain = new FakeIpcMain();
  const logger = createMemoryLogger();
  const documentsDir = tempDir();
  const showSaveDialog = vi.fn(async (_sender: FakeWebContents, options: { defaultPath: string }) =>
    answer(options.defaultPath),
  );
  const saving = registerPdfSaving({
    ipcMain,
    showSaveDialog,
    documentsDir,
    isAppUrl: (url) => url.split('#')[0] === APP_URL,
    logger,
  });
  const contents = new FakeWebContents();
  const save = (fileName: unknown, frame: { url: string; parent: unknown } | null = TOP) =>
    ipcMain.invokeOther<string | null>(
      IPC_SAVE_PDF,
      { sender: contents, senderFrame: frame },
      fileName,
    );
  return { ipcMain, logger, documentsDir, showSaveDialog, saving, contents, save };
}

describe('saving a report as PDF (Electron)', () => {
  it('prints the window on A4 into the file the save dialog chose', async () => {
    const { save, contents, showSaveDialog, documentsDir } = pdfSaving((defaultPath) => ({
      canceled: false,
      filePath: defaultPath,
    }));
    const written = await save('玄武店-2026-11-21.pdf');
    expect(written).toBe(path.join(documentsDir, '玄武店-2026-11-21.pdf'));
    expect(fs.readFileSync(written!, 'utf8')).toBe('%PDF-1.7 stand-in');
    expect(contents.printed).toEqual([
      { pageSize: 'A4', printBackground: true, preferCSSPageSize: true },
    ]);
    expect(showSaveDialog).toHaveBeenCalledWith(contents, {
      title: '保存为 PDF',
      defaultPath: written,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('writes nothing when the user cancels', async () => {
    const { save, contents } = pdfSaving(() => ({ canceled: true }));
    expect(await save('报表.pdf')).toBeNull();
    expect(contents.printed).toEqual([]);
  });

  it('refuses frames that are not the app’s top frame, and names that are not names', async () => {
    const { save, contents, showSaveDialog, logger } = pdfSaving(() => ({
      canceled: false,
      filePath: '/never/used.pdf',
    }));
    await expect(save('a.pdf', { url: 'https://example.com/', parent: null })).rejects.toThrow(
      'refused',
    );
    await expect(save('a.pdf', { url: APP_URL, parent: { url: APP_URL } })).rejects.toThrow(
      'refused',
    );
    await expect(save('a.pdf', null)).rejects.toThrow('refused');
    await expect(save(42)).rejects.toThrow('invalid file name');
    await expect(save('..')).rejects.toThrow('invalid file name');
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(contents.printed).toEqual([]);
    expect(logger.lines.filter((l) => l.message.startsWith('pdf save refused'))).toHaveLength(3);
  });

  it('stops answering once disposed', () => {
    const { ipcMain, saving } = pdfSaving(() => ({ canceled: true }));
    expect(ipcMain.handlers.has(IPC_SAVE_PDF)).toBe(true);
    saving.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('the file name offered', () => {
  it('keeps a plain name and adds .pdf', () => {
    expect(pdfFileName('玄武店 2026-11')).toBe('玄武店 2026-11.pdf');
    expect(pdfFileName('report.PDF')).toBe('report.pdf');
  });

  it('drops folders and characters Windows refuses', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(pdfFileName('C:\\Users\\x\\a:b*c?.pdf')).toBe('a_b_c_.pdf');
    expect(pdfFileName('a\u0000b.pdf')).toBe('a_b.pdf');
    expect(pdfFileName('x'.repeat(300))).toBe(`${'x'.repeat(120)}.pdf`);
  });

  it('refuses what leaves no name', () => {
    expect(pdfFileName('')).toBeNull();
    expect(pdfFileName('...')).toBeNull();
    expect(pdfFileName('.pdf')).toBeNull();
    expect(pdfFileName(null)).toBeNull();
  });
});
