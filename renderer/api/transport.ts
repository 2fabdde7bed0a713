import type { Envelope } from '../../shared/contract/envelope';

/** How the renderer reaches the services: Electron IPC or HTTP. Nothing else may differ. */
export interface Transport {
  kind: 'electron' | 'web';
  invoke: (name: string, input: unknown) => Promise<Envelope>;
  /** A path the services can read for a file the analyst dropped or chose. */
  fileToPath: (file: File) => Promise<string>;
  onMenu: (listener: (command: string) => void) => void;
}

/** What main/electron/preload.ts exposes. */
export interface PreloadBridge {
  call: (name: string, input: unknown) => Promise<Envelope>;
  pathForFile: (file: File) => string;
  onMenu: (listener: (command: string) => void) => void;
}

declare global {
  interface Window {
    wv?: PreloadBridge;
  }
}
