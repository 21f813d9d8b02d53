/**
 * Saves a Blob as a file through the browser's download: an <a download> on a blob: URL (allowed by
 * the CSP; the page has no file system access of its own). The URL is revoked once the click has
 * been handled.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
