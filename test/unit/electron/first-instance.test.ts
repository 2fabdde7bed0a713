import { describe, expect, it, vi } from 'vitest';
import { makeElectronMock } from './electron-mock';

const mock = makeElectronMock();
vi.mock('electron', () => ({ ...mock.electron, default: mock.electron }));

describe('first instance', () => {
  it('takes the lock, focuses its window on a second launch and hardens every web contents', async () => {
    await import('../../../main/electron/main');
    expect(mock.electron.app.quit).not.toHaveBeenCalled();
    expect(mock.electron.app.whenReady).toHaveBeenCalled();
    expect(mock.appListeners.has('second-instance')).toBe(true);
    expect(mock.appListeners.has('web-contents-created')).toBe(true);
  });
});
