import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../src-node/logger';
import { IPC_SAVE_PDF } from '../../src-shared/ipc';
import type { CallEvent } from './ipc';

// "Save as PDF" for the printable reports: the window asks, the main process shows a save
// dialog and prints the page (its print CSS: one A4 sheet) into the file chosen.

/** The parts of a window's WebContents this uses. */
export interface PdfContents {
  printToPDF(options: {
    pageSize: 'A4';
    printBackground: boolean;
    preferCSSPageSize: boolean;
  }): Promise<Uint8Array>;
}

export interface PdfCallEvent<C extends PdfContents> extends Omit<CallEvent, 'sender'> {
  sender: C;
}

export interface PdfIpcMain<C extends PdfContents> {
  handle(
    channel: string,
    listener: (event: PdfCallEvent<C>, fileName: unknown) => Promise<string | null>,
  ): void;
  removeHandler(channel: string): void;
}

export interface SaveDialogAnswer {
  canceled: boolean;
  filePath?: string;
}

export interface PdfDeps<C extends PdfContents> {
  ipcMain: PdfIpcMain<C>;
  /** The system save dialog over the asking window (`dialog.showSaveDialog`). */
  showSaveDialog(
    sender: C,
    options: {
      title: string;
      defaultPath: string;
      filters: { name: string; extensions: string[] }[];
    },
  ): Promise<SaveDialogAnswer>;
  /** Where the dialog opens (`app.getPath('documents')`). */
  documentsDir: string;
  isAppUrl: (url: string) => boolean;
  logger: Logger;
}

const MAX_NAME_LENGTH = 120;

/**
 * A file name the page proposes, made safe to offer: no folders, no characters Windows refuses,
 * ending in .pdf. Null when nothing usable is left.
 */
export function pdfFileName(proposed: unknown): string | null {
  if (typeof proposed !== 'string') return null;
  const base = path.basename(proposed.replaceAll('\\', '/'));
  // eslint-disable-next-line no-control-regex -- control characters are what is stripped here
  const clean = base.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').trim();
  const stem = clean
    .replace(/\.pdf$/i, '')
    .slice(0, MAX_NAME_LENGTH)
    .trim();
  return stem && !/^\.+$/.test(stem) ? `${stem}.pdf` : null;
}

/** Answers `window.storedesk.saveAsPdf` from the app's own top frame; until disposed. */
export function registerPdfSaving<C extends PdfContents>(deps: PdfDeps<C>) {
  const { ipcMain, logger } = deps;
  ipcMain.handle(IPC_SAVE_PDF, async (event, proposed) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !deps.isAppUrl(frame.url)) {
      logger.warn('pdf save refused: not the top frame of an app window', {
        url: frame?.url ?? null,
      });
      throw new Error('refused');
    }
    const fileName = pdfFileName(proposed);
    if (!fileName) throw new Error('invalid file name');
    const answer = await deps.showSaveDialog(event.sender, {
      title: '保存为 PDF',
      defaultPath: path.join(deps.documentsDir, fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (answer.canceled || !answer.filePath) return null;
    const pdf = await event.sender.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    await fs.writeFile(answer.filePath, pdf);
    logger.info('report saved as pdf', { file: answer.filePath, bytes: pdf.byteLength });
    return answer.filePath;
  });
  return {
    dispose(): void {
      ipcMain.removeHandler(IPC_SAVE_PDF);
    },
  };
}
