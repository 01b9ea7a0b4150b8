// Files in and out of the screen: an upload read as base64 (both transports carry JSON), and a
// download handed to the browser (or Electron's download handling) through a blob URL.
import type { FileDownload } from '../../../../shared/api/contract';

/** The importer refuses larger files; saying so before sending saves a 14 MB round trip. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export async function readAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function saveDownload(download: FileDownload): void {
  const binary = atob(download.bytesBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: download.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = download.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
