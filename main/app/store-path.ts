import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Wijkverkenner';
export const STORE_FILE_NAME = 'wijkverkenner.sqlite';

/**
 * The user-data folder, the same one Electron's app.getPath('userData') gives for our product name,
 * so the desktop app, the web shell and the CLI open the same store by default.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_DIR_NAME);
}

/** --db PATH, else WIJKVERKENNER_DB, else the store in the user-data folder. */
export function resolveStorePath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.WIJKVERKENNER_DB) return path.resolve(env.WIJKVERKENNER_DB);
  return path.join(userDataDir(env), STORE_FILE_NAME);
}
