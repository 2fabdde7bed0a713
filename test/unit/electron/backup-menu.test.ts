import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeElectronMock } from './electron-mock';
import { freshServices } from '../../helpers/services';

const mock = makeElectronMock();
vi.mock('electron', () => ({ ...mock.electron, default: mock.electron }));

const { menuTemplate } = await import('../../../main/electron/menu');
const { makeBackupWithDialog } = await import('../../../main/electron/backup-dialog');

/**
 * Bestand → Reservekopie maken…: Electron is mocked (its dialogs answer as the analyst would),
 * the services and the store are real, so the copy on disk is checked.
 */
describe('Bestand → Reservekopie maken…', () => {
  const services = freshServices('electron');
  afterAll(() => services.close());
  const win = {} as never;
  const now = new Date('2026-12-05T09:30:00Z');

  function dialogs(filePath: string | undefined) {
    return {
      showSaveDialog: vi.fn(async () => ({ canceled: filePath === undefined, filePath: filePath ?? '' })),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
      showErrorBox: vi.fn(),
    };
  }

  it('the menu item asks for the backup', () => {
    const actions = { send: vi.fn(), openProject: vi.fn(), backup: vi.fn(), quit: vi.fn() };
    const bestand = menuTemplate(actions, false).find((m) => m.label === 'Bestand');
    const item = (bestand?.submenu as { label?: string; click?: () => void }[]).find((i) => i.label === 'Reservekopie maken…');
    item?.click?.();
    expect(actions.backup).toHaveBeenCalledTimes(1);
  });

  it('asks where (the documents folder, a dated name), writes a checked copy and says what it holds', async () => {
    const target = path.join(services.dir, 'gekozen.sqlite');
    const dialog = dialogs(target);
    const result = await makeBackupWithDialog({ win, dialog, call: services.call, folder: '/home/analist/Documenten', now });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({
      title: 'Reservekopie maken',
      defaultPath: '/home/analist/Documenten/wijkverkenner-reservekopie-2026-12-05.sqlite',
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    }));
    expect(result?.path).toBe(target);
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM source').pluck().get()).toBe(result?.counts.sources);
      expect(result?.counts.observations).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
    const shown = dialog.showMessageBox.mock.calls[0] as unknown as [unknown, { title: string; message: string; detail: string }];
    expect(shown[1].title).toBe('Reservekopie gemaakt');
    expect(shown[1].message).toContain(target);
    expect(shown[1].detail).toContain(`${result?.counts.sources} bronnen`);
    expect(shown[1].detail).toContain('Terugzetten');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const dialog = dialogs(undefined);
    expect(await makeBackupWithDialog({ win, dialog, call: services.call, folder: services.dir, now })).toBeNull();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(existsSync(path.join(services.dir, 'wijkverkenner-reservekopie-2026-12-05.sqlite'))).toBe(false);
  });

  it('shows a Dutch error box, not a stack, when the copy cannot be made', async () => {
    const dialog = dialogs(path.join(services.dir, 'geen-map', 'kopie.sqlite'));
    expect(await makeBackupWithDialog({ win, dialog, call: services.call, folder: services.dir, now })).toBeNull();
    const [title, text] = dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('Reservekopie maken mislukt');
    expect(text).toContain('het project zelf is ongewijzigd');
    expect(text).toContain('does not exist');
    expect(text).not.toMatch(/\n\s+at /);
  });
});
