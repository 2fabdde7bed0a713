import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native module: Node (tests, CLI, web shell) and Electron need different
 * builds. Node's stays in node_modules; scripts/ensure-native.mjs builds Electron's into
 * .native/electron-<version>/, so neither build ever overwrites the other. A packaged app has
 * the Electron build in node_modules (electron-builder rebuilds it), so no path is needed there.
 */
export function electronNativeBinding(appRoot: string, electronVersion: string): string | undefined {
  const candidate = path.join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
