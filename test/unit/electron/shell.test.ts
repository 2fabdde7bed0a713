import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeElectronMock } from './electron-mock';

const mock = makeElectronMock();
vi.mock('electron', () => ({ ...mock.electron, default: mock.electron }));

const { createMainWindow, hardenContents, hardenSession, secureWebPreferences } = await import('../../../main/electron/window');
const { registerIpc, CALL_CHANNEL } = await import('../../../main/electron/ipc');
const { menuTemplate } = await import('../../../main/electron/menu');

describe('Electron window security', () => {
  beforeEach(() => vi.clearAllMocks());

  it('creates the window isolated, sandboxed, without Node, with our preload only', () => {
    createMainWindow('/app/dist');
    const win = mock.windows.at(-1);
    const prefs = win?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/main/preload.cjs',
    });
    expect(win?.loadFile).toHaveBeenCalledWith('/app/dist/renderer/index.html');
    expect(secureWebPreferences('/p.cjs')).toEqual(expect.objectContaining({ sandbox: true, contextIsolation: true, nodeIntegration: false }));
  });

  it('blocks navigation away from the app and denies every new window', () => {
    createMainWindow('/app/dist');
    const contents = mock.windows.at(-1)?.webContents;
    const event = { preventDefault: vi.fn() };
    contents?.listeners.get('will-navigate')?.(event, 'https://evil.example/phish');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(mock.electron.shell.openExternal).toHaveBeenCalledWith('https://evil.example/phish');
    const fileNav = { preventDefault: vi.fn() };
    contents?.listeners.get('will-navigate')?.(fileNav, 'file:///etc/passwd');
    expect(fileNav.preventDefault).toHaveBeenCalled();
    expect(mock.electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(contents?.openHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(contents?.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents?.listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('hardens any web contents, not just the main window', () => {
    const contents = new (mock.electron.BrowserWindow as unknown as new (o: object) => { webContents: { listeners: Map<string, unknown> } })({}).webContents;
    hardenContents(contents as never);
    expect(contents.listeners.has('will-navigate')).toBe(true);
  });

  it('sends a strict CSP header and refuses every permission request', () => {
    hardenSession();
    const onHeaders = mock.electron.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (d: unknown, cb: (r: unknown) => void) => void;
    let answer: { responseHeaders: Record<string, string[]> } | undefined;
    onHeaders({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (answer = r as typeof answer));
    const csp = answer?.responseHeaders['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    const onPermission = mock.electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    const cb = vi.fn();
    onPermission({}, 'geolocation', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });
});

describe('Electron IPC bridge', () => {
  it('passes calls from our own page to dispatch and refuses other frames', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: 42 }));
    registerIpc(mock.electron.ipcMain as never, call);
    const handler = mock.handlers.get(CALL_CHANNEL);
    expect(await handler?.({ senderFrame: { url: 'file:///app/dist/renderer/index.html' } }, 'areas.list', { kind: 'focus_area' })).toEqual({ ok: true, value: 42 });
    expect(call).toHaveBeenCalledWith('areas.list', { kind: 'focus_area' });
    expect(await handler?.({ senderFrame: { url: 'https://evil.example/' } }, 'areas.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await handler?.({ senderFrame: { url: 'file:///x' } }, 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(call).toHaveBeenCalledTimes(1);
    // The page may not write files where it likes: a backup is made from the menu only.
    expect(await handler?.({ senderFrame: { url: 'file:///app/dist/renderer/index.html' } }, 'app.backup', { path: '/home/analist/.bashrc', overwrite: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('keeps the risky switches off: no experimental features, no Blink features, no insecure content', () => {
    const prefs = secureWebPreferences('/p.cjs') as Record<string, unknown>;
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webSecurity).toBe(true);
  });
});

describe('Dutch application menu', () => {
  it('has Bestand with Importeren…, Exporteren…, Project openen…, Reservekopie maken… and Afsluiten, each with a shortcut', () => {
    const actions = { send: vi.fn(), openProject: vi.fn(), backup: vi.fn(), quit: vi.fn() };
    const template = menuTemplate(actions, false);
    const bestand = template.find((m) => m.label === 'Bestand');
    const items = (bestand?.submenu as { label?: string; accelerator?: string; click?: () => void }[]).filter((i) => i.label);
    expect(items.map((i) => i.label)).toEqual(['Importeren…', 'Exporteren…', 'Project openen…', 'Reservekopie maken…', 'Afsluiten']);
    expect(items.every((i) => typeof i.accelerator === 'string')).toBe(true);
    items[0]?.click?.();
    expect(actions.send).toHaveBeenCalledWith('import');
    items[2]?.click?.();
    expect(actions.openProject).toHaveBeenCalled();
    items[3]?.click?.();
    expect(actions.backup).toHaveBeenCalled();
    items[4]?.click?.();
    expect(actions.quit).toHaveBeenCalled();
  });
});
