import { describe, expect, it, vi } from 'vitest';
import { makeElectronMock } from './electron-mock';

const mock = makeElectronMock();
vi.mock('electron', () => ({ ...mock.electron, default: mock.electron }));

describe('preload', () => {
  it('exposes exactly the contract bridge: call, pathForFile, onMenu', async () => {
    await import('../../../main/electron/preload');
    expect(mock.electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = mock.electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, (...a: unknown[]) => unknown>];
    expect(name).toBe('wv');
    expect(Object.keys(api).sort()).toEqual(['call', 'onMenu', 'pathForFile']);
    void api.call?.('areas.list', {});
    expect(mock.electron.ipcRenderer.invoke).toHaveBeenCalledWith('wv:call', 'areas.list', {});
  });
});

describe('single-instance lock', () => {
  it('quits a second instance instead of opening another window on the same store', async () => {
    mock.electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../../main/electron/main');
    expect(mock.electron.app.setName).toHaveBeenCalledWith('Wijkverkenner');
    expect(mock.electron.app.quit).toHaveBeenCalled();
    expect(mock.electron.app.whenReady).not.toHaveBeenCalled();
  });
});
