import type { BrowserWindow, Dialog } from 'electron';
import path from 'node:path';
import type { BackupResult } from '../../shared/contract/app';
import type { Envelope } from '../../shared/contract/envelope';
import { backupFileName } from '../store/backup';
import { formatInteger } from '../../shared/domain/format/number';

export interface BackupDialogDeps {
  win: BrowserWindow;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showMessageBox' | 'showErrorBox'>;
  call: (name: string, input: unknown) => Promise<Envelope>;
  /** The folder the dialog opens in (the user's documents). */
  folder: string;
  now?: Date;
}


/**
 * Bestand → Reservekopie maken…: ask where, write the copy through the contract (`app.backup`,
 * online backup while the app keeps running), and say what it holds or why it failed. The save
 * dialog asks before replacing a file, so an existing file chosen there is overwritten.
 * @returns the result, or null when cancelled or failed
 */
export async function makeBackupWithDialog(deps: BackupDialogDeps): Promise<BackupResult | null> {
  const choice = await deps.dialog.showSaveDialog(deps.win, {
    title: 'Reservekopie maken',
    defaultPath: path.join(deps.folder, backupFileName(deps.now ?? new Date())),
    buttonLabel: 'Opslaan',
    filters: [{ name: 'Wijkverkenner-project', extensions: ['sqlite'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (choice.canceled || !choice.filePath) return null;
  const env = await deps.call('app.backup', { path: choice.filePath, overwrite: true });
  if (!env.ok) {
    deps.dialog.showErrorBox('Reservekopie maken mislukt', `De reservekopie kon niet worden gemaakt; het project zelf is ongewijzigd.\n\n${env.error.message}`);
    return null;
  }
  const b = env.value as BackupResult;
  await deps.dialog.showMessageBox(deps.win, {
    type: 'info',
    title: 'Reservekopie gemaakt',
    message: `Reservekopie opgeslagen in ${b.path}`,
    detail: `${formatInteger(b.counts.sources)} bronnen, ${formatInteger(b.counts.observations)} cijfers, ${formatInteger(b.counts.areas)} gebieden, ${formatInteger(b.counts.scenarios)} scenario's.\n\n`
      + 'Terugzetten: sluit Wijkverkenner en open de kopie via Bestand → Project openen…, of kopieer haar over het projectbestand.',
    buttons: ['OK'],
  });
  return b;
}
