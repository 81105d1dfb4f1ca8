/** Lets the browser save a file from a URL, as if the user had clicked a download link. */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves data made in the page (a CSV of the rows on screen) as a file. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  // Revoked later, not at once: the browser reads the blob after this task has ended.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
