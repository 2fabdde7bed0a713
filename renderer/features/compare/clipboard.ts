/**
 * Put text and HTML on the clipboard together. AG Grid Community has no clipboard module, so this
 * is the small handler: a one-off 'copy' listener fills both formats, and execCommand('copy')
 * fires it (allowed within a key press or click). Works in Electron and in the browser alike,
 * without asking for clipboard permissions.
 */
export function writeClipboard(tsv: string, html: string): boolean {
  let done = false;
  const onCopy = (e: ClipboardEvent): void => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', tsv);
    e.clipboardData.setData('text/html', html);
    e.preventDefault();
    done = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  return done;
}
