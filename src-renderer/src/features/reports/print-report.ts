/** The Electron preload's PDF hook when this window has one, else null (the browser prints). */
export function pdfSaver(): ((fileName: string) => Promise<string | null>) | null {
  const bridge = window.storedesk;
  return bridge?.saveAsPdf ? (fileName) => bridge.saveAsPdf(fileName) : null;
}

/** The system print dialog; the page's print CSS lays the report out on one A4 sheet. */
export const printReport = (): void => window.print();
