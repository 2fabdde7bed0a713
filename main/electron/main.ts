import { app, type BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import path from 'node:path';
import { startServices, type Services } from '../app/services';
import { STORE_FILE_NAME } from '../app/store-path';
import { isAppError } from '../../shared/errors';
import { makeBackupWithDialog } from './backup-dialog';
import { registerIpc, MENU_CHANNEL } from './ipc';
import { saveDialogFor } from './save-dialog';
import { menuTemplate } from './menu';
import { electronNativeBinding } from './native-binding';
import { createMainWindow, hardenContents, hardenSession } from './window';

// The desktop shell: a window, one IPC bridge, a Dutch menu. All work happens in the services.
app.setName('Wijkverkenner');
const distDir = path.join(__dirname, '..');
let services: Services | undefined;
let win: BrowserWindow | undefined;

function open(storePath: string): Services {
  const nativeBinding = electronNativeBinding(app.getAppPath(), process.versions.electron ?? '');
  const opened = startServices(storePath, 'electron', { workerPath: path.join(__dirname, 'jobs.worker.cjs'), ...(nativeBinding ? { nativeBinding } : {}) });
  opened.ctx.saveDialog = saveDialogFor(dialog, () => win, () => app.getPath('documents'));
  return opened;
}

async function openProject(): Promise<void> {
  if (!win) return;
  const choice = await dialog.showOpenDialog(win, {
    title: 'Project openen',
    properties: ['openFile', 'promptToCreate'],
    filters: [{ name: 'Wijkverkenner-project', extensions: ['sqlite', 'db'] }],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  try {
    const next = open(file);
    services?.close();
    services = next;
    win.reload();
  } catch (err) {
    dialog.showErrorBox('Project openen mislukt', isAppError(err) ? err.message : `Het bestand ${file} kon niet worden geopend.`);
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());
  void app.whenReady().then(() => {
    try {
      services = open(path.join(app.getPath('userData'), STORE_FILE_NAME));
    } catch (err) {
      dialog.showErrorBox('Wijkverkenner kan niet starten', isAppError(err) ? err.message : String(err));
      app.exit(1);
      return;
    }
    hardenSession();
    registerIpc(ipcMain, (name, input) => (services as Services).call(name, input));
    win = createMainWindow(distDir);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            send: (command) => win?.webContents.send(MENU_CHANNEL, command),
            openProject: () => void openProject(),
            backup: () => void (win && makeBackupWithDialog({ win, dialog, call: (name, input) => (services as Services).call(name, input), folder: app.getPath('documents') })),
            quit: () => app.quit(),
          },
          process.platform === 'darwin',
        ),
      ),
    );
  });
}
