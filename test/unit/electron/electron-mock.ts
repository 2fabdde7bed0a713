import { vi } from 'vitest';

/** A stand-in for the parts of Electron our shell touches; records what the shell did. */
export function makeElectronMock() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: FakeWindow[] = [];
  class FakeContents {
    listeners = new Map<string, (...args: unknown[]) => void>();
    openHandler?: (details: { url: string }) => { action: string };
    send = vi.fn();
    on(event: string, fn: (...args: unknown[]) => void) {
      this.listeners.set(event, fn);
      return this;
    }
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
  }
  class FakeWindow {
    webContents = new FakeContents();
    loadFile = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    reload = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
  }
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const electron = {
    app: {
      setName: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn((event: string, fn: (...args: unknown[]) => void) => appListeners.set(event, fn)),
      whenReady: vi.fn(() => new Promise<void>(() => undefined)),
      getPath: vi.fn(() => '/tmp/wv-user-data'),
      getAppPath: vi.fn(() => '/tmp/wv-app'),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
    shell: { openExternal: vi.fn(async () => undefined) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
      },
    },
    dialog: { showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn() },
    webUtils: { getPathForFile: vi.fn(() => '/home/analist/kwb-2024.xlsx') },
  };
  return { electron, handlers, windows, appListeners };
}
