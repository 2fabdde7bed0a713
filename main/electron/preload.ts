import { contextBridge, ipcRenderer, webUtils } from 'electron';

// The preload runs sandboxed: it may only require 'electron'. It exposes the contract's one
// invoke bridge, the path of a dropped file, and menu commands — nothing else of Node or Electron.
const CALL_CHANNEL = 'wv:call';
const MENU_CHANNEL = 'wv:menu';

contextBridge.exposeInMainWorld('wv', {
  call: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(CALL_CHANNEL, name, input),
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  onMenu: (listener: (command: string) => void): void => {
    ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
      if (typeof command === 'string') listener(command);
    });
  },
});
