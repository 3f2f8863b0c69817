/** Saving a file the app made: a Blob and an <a download>, which Chromium honours from file:// pages. */
export function downloadBytes(bytes: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked a moment later: revoking at once can cancel the download in some Chromium versions.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name without the characters Windows refuses (\ / : * ? " < > |). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || '台账看板';
}
