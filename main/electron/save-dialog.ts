import path from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';

/**
 * The desktop app's "Opslaan als…" for exports: the analyst chooses where; the renderer never names
 * a path. The suggested name is already safe (export-service); the chosen one gets its extension.
 */

const FILTER: Record<'xlsx' | 'csv' | 'html', { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel-werkmap', extensions: ['xlsx'] },
  csv: { name: 'CSV (Nederlandse Excel, puntkomma)', extensions: ['csv'] },
  html: { name: 'Webpagina (voor Word)', extensions: ['html', 'htm'] },
};

export function saveDialogFor(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: () => BrowserWindow | undefined,
  folder: () => string,
): (suggestedName: string, format: 'xlsx' | 'csv' | 'html') => Promise<string | null> {
  return async (suggestedName, format) => {
    const options: SaveDialogOptions = {
      title: 'Tabel opslaan',
      buttonLabel: 'Opslaan',
      defaultPath: path.join(folder(), suggestedName),
      filters: [FILTER[format]],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const win = window();
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    const ext = path.extname(choice.filePath).slice(1).toLowerCase();
    return FILTER[format].extensions.includes(ext) ? choice.filePath : `${choice.filePath}.${format}`;
  };
}
