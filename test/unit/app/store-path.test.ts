import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStorePath, userDataDir } from '../../../main/app/store-path';

describe('where the store lives', () => {
  it('prefers --db, then WIJKVERKENNER_DB, then the user-data folder Electron also uses', () => {
    expect(resolveStorePath('project.sqlite', { WIJKVERKENNER_DB: '/x/env.sqlite' })).toBe(path.resolve('project.sqlite'));
    expect(resolveStorePath(undefined, { WIJKVERKENNER_DB: '/x/env.sqlite' })).toBe('/x/env.sqlite');
    expect(resolveStorePath(undefined, { XDG_CONFIG_HOME: '/home/a/.config' })).toBe('/home/a/.config/Wijkverkenner/wijkverkenner.sqlite');
  });
  it('matches Electron userData per platform', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Wijkverkenner');
    expect(userDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Wijkverkenner$/);
  });
});
