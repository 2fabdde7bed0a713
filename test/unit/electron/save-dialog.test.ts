import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeElectronMock } from './electron-mock';
import { freshServices } from '../../helpers/services';
import { readXlsx } from '../../helpers/briefing-files';

const mock = makeElectronMock();
vi.mock('electron', () => ({ ...mock.electron, default: mock.electron }));

const { saveDialogFor } = await import('../../../main/electron/save-dialog');

describe('desktop export: save dialog', () => {
  const svc = freshServices('electron');
  afterAll(() => svc.close());
  const showSaveDialog = vi.fn();
  const fakeWindow = {} as never;
  svc.ctx.saveDialog = saveDialogFor({ showSaveDialog } as never, () => fakeWindow, () => svc.dir);
  const spec = { origin: { kind: 'programme' } };

  it('asks where to save with a safe name and the format\'s filter, then writes there', async () => {
    const chosen = path.join(svc.dir, 'Voortgang');
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const env = await svc.call('export.saveAs', { spec, format: 'xlsx' });
    if (!env.ok) throw new Error(env.error.message);
    const [win, options] = showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: { extensions: string[] }[] }];
    expect(win).toBe(fakeWindow);
    expect(options.defaultPath).toBe(path.join(svc.dir, 'Tabel 1. Nationaal Programma Leefbaarheid en Veiligheid in cijfers.xlsx'));
    expect(options.filters).toEqual([{ name: 'Excel-werkmap', extensions: ['xlsx'] }]);
    expect(env.value).toMatchObject({ written: { file: `${chosen}.xlsx`, format: 'xlsx', rows: 19 } });
    const r = await readXlsx(readFileSync(`${chosen}.xlsx`));
    expect(r.table.getCell('A1').value).toBe('Tabel 1. Nationaal Programma Leefbaarheid en Veiligheid in cijfers');
  });

  it('writes nothing when the analyst cancels', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    const env = await svc.call('export.saveAs', { spec, format: 'csv' });
    expect(env).toEqual({ ok: true, value: { written: null } });
  });

  it('is refused where there is no dialog (web shell)', async () => {
    const web = freshServices('web');
    try {
      const env = await web.call('export.saveAs', { spec, format: 'csv' });
      expect(env.ok ? null : env.error.code).toBe('UNAUTHORIZED');
    } finally {
      web.close();
    }
  });
});
