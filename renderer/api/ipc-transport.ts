import type { PreloadBridge, Transport } from './transport';

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'electron',
    invoke: (name, input) => bridge.call(name, input),
    fileToPath: async (file) => bridge.pathForFile(file),
    onMenu: (listener) => bridge.onMenu(listener),
  };
}
