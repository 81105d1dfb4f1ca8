import type { PreloadBridge } from '../../../../src-shared/ipc';

/**
 * What the Electron preload may add to its bridge for the report page: the main process saves
 * the window as a PDF (webContents.printToPDF, with the page's print CSS) and answers the path
 * it chose, or null when the user cancelled. The browser has no such thing: it prints.
 */
interface PdfBridge {
  saveAsPdf(fileName: string): Promise<string | null>;
}

/** The PDF hook when this window has one (Electron with a preload that offers it), else null. */
export function pdfSaver(): PdfBridge['saveAsPdf'] | null {
  const bridge = window.storedesk as (PreloadBridge & Partial<PdfBridge>) | undefined;
  return bridge?.saveAsPdf ? (fileName) => bridge.saveAsPdf!(fileName) : null;
}

/** The system print dialog; the page's print CSS lays the report out on one A4 sheet. */
export const printReport = (): void => window.print();
