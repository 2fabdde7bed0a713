import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type Services } from '../../../main/app/services';
import type { JobStatus } from '../../../shared/contract/jobs';
import { freshServices } from '../../helpers/services';
import { buildJobsWorker } from '../../helpers/worker-bundle';
import { buurtCode, inwoners, makeBuurtenCsv } from '../../fixtures/make-buurten-csv';
import { commit, commitFails, commitJob, expectSourceExtentsCover, fingerprint, preview, storedFigures } from './commit-helpers';

/**
 * An import lands whole or not at all: a failure half-way and a cancel leave the store exactly as it
 * was; the same file again adds nothing; a revised file supersedes what it revises and keeps the old
 * figures as history; what the analyst decided (a mapping, an alias) is remembered for next time.
 * The commit runs inline (as in the CLI and tests) and in a worker thread (as in the app).
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wv-tx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const status = (s: Services, id: string): JobStatus => s.ctx.jobs.status(id);

async function startCommit(s: Services, filePath: string): Promise<string> {
  const env = await s.call('import.commit', { filePath, choices: { areas: { newAreas: 'create' } } });
  if (!env.ok) throw new Error(env.error.message);
  return (env.value as { jobId: string }).jobId;
}

/** Wait until the job has written some rows (it is inside its transaction), then cancel it. */
async function cancelMidway(s: Services, id: string): Promise<JobStatus> {
  for (let i = 0; i < 2000; i++) {
    const st = status(s, id);
    if (st.state !== 'running') throw new Error(`the job ended (${st.state}) before it could be cancelled`);
    if (st.progress.phase === 'rijen' && st.progress.done > 0) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  return s.call('jobs.cancel', { id }).then((env) => {
    if (!env.ok) throw new Error(env.error.message);
    return env.value as JobStatus;
  });
}

describe('all or nothing (inline)', () => {
  let s: Services;
  beforeAll(() => {
    s = freshServices();
  });
  afterAll(() => s.close());

  it('a failure half-way (a forced error on one row) leaves row counts and content unchanged', async () => {
    const { file } = makeBuurtenCsv(dir, { rows: 12_000, name: 'buurten-fout-2024.csv' });
    // A real SQLite error in the middle of the walk: the figure from C8001 cannot be inserted. Figures
    // go into the table 64 at a time, so it fails when about 8,000 of the 12,000 rows are read.
    s.ctx.db.exec("CREATE TRIGGER forced_failure BEFORE INSERT ON observation WHEN NEW.cell = 'C8001' BEGIN SELECT RAISE(ABORT, 'forced failure half-way'); END;");
    const before = fingerprint(s);
    try {
      const st = await commitJob(s, { filePath: file, choices: { areas: { newAreas: 'create' } } });
      expect(st).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' }, progress: { phase: 'rijen', total: 12_000 } });
      expect(st.error?.message).toMatch(/forced failure half-way/);
      expect(st.progress.done).toBeGreaterThan(4000);
      expect(st.progress.done).toBeLessThan(12_000);
    } finally {
      s.ctx.db.exec('DROP TRIGGER forced_failure');
    }
    expect(fingerprint(s)).toEqual(before);
    // Without the forced failure the same file imports whole.
    const r = await commit(s, { filePath: file, choices: { areas: { newAreas: 'create' } } });
    expect(r).toMatchObject({ committed: true, observations: 24_000, rowsRead: 12_000 });
  });

  it('a cancelled import writes nothing, also when cancelled in the middle of its transaction', async () => {
    const { file } = makeBuurtenCsv(dir, { rows: 9000, name: 'buurten-annuleren-2024.csv' });
    const before = fingerprint(s);
    const id = await startCommit(s, file);
    const cancelled = await cancelMidway(s, id);
    expect(cancelled).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(fingerprint(s)).toEqual(before);
  });

  it('the same file again is recognised and adds nothing', async () => {
    const { file } = makeBuurtenCsv(dir, { rows: 500, name: 'buurten-tweemaal-2024.csv' });
    const first = await commit(s, { filePath: file, choices: { areas: { newAreas: 'create' } } });
    expect(first.committed).toBe(true);
    const before = fingerprint(s);
    const again = await commit(s, { filePath: file, choices: { areas: { newAreas: 'create' } } });
    expect(again).toMatchObject({ committed: false, recognised: true, sourceId: first.sourceId, observations: 0 });
    expect(again.issues[0]).toMatchObject({ kind: 'already_imported', severity: 'info' });
    expect(again.issues[0]?.message).toMatch(/was imported before.*as source \d+: same contents \(sha256\), nothing added/);
    expect(fingerprint(s)).toEqual(before);
  });

  it('a revised file (same name, other contents) supersedes the figures it revises and keeps the history', async () => {
    // A store of its own: files of one shape share a mapping, and a mapping's editions revise each other.
    const s = freshServices();
    const sub = mkdtempSync(path.join(dir, 'rev-'));
    const v1 = await commit(s, { filePath: makeBuurtenCsv(sub, { rows: 400, name: 'monitor-2024.csv' }).file, choices: { areas: { newAreas: 'create' } } });
    // The second edition corrects every tenth row and leaves the last 20 rows out.
    const sub2 = mkdtempSync(path.join(dir, 'rev-'));
    const v2 = await commit(s, { filePath: makeBuurtenCsv(sub2, { rows: 400, name: 'monitor-2024.csv', bump: 10, drop: 20 }).file, choices: { areas: { newAreas: 'create' } } });
    expect(v2).toMatchObject({ committed: true, observations: 760, superseded: 760, supersededSources: [v1.sourceId] });

    const old = storedFigures(s, v1.sourceId as number);
    expect(old).toHaveLength(800);
    // Revised figures are history now; the 20 rows the new edition leaves out stay current.
    expect(old.filter((f) => f.superseded)).toHaveLength(760);
    expect(old.filter((f) => !f.superseded).map((f) => f.area)).toEqual(Array.from({ length: 20 }, (_, k) => [buurtCode(380 + k), buurtCode(380 + k)]).flat());
    // The current figure of buurt 0 is the corrected one; the history keeps both, each with its cell.
    const env = await s.call('observations.list', { areaCode: buurtCode(0), indicatorCode: 'inwoners', includeSuperseded: true });
    if (!env.ok) throw new Error(env.error.message);
    const history = env.value as { value: number; superseded: boolean; source: { id: number; cell: string } }[];
    expect(history.map((h) => [h.value, h.superseded, h.source.id, h.source.cell])).toEqual([
      [inwoners(0, false), true, v1.sourceId, 'C2'],
      [inwoners(0, true), false, v2.sourceId, 'C2'],
    ]);
    const current = await s.call('observations.list', { areaCode: buurtCode(0), indicatorCode: 'inwoners' });
    expect(current.ok && (current.value as { value: number }[]).map((o) => o.value)).toEqual([inwoners(0, true)]);
    const sources = await s.call('sources.list', {});
    const listed = sources.ok ? (sources.value as { id: number; current: number; superseded: number }[]) : [];
    expect(listed.find((x) => x.id === v1.sourceId)).toMatchObject({ current: 40, superseded: 760 });
    expect(listed.find((x) => x.id === v2.sourceId)).toMatchObject({ current: 760, superseded: 0 });
    // Bronnen pages through a source's figures in file order, history included, each with its cell.
    const page = await s.call('sources.get', { id: v1.sourceId as number, offset: 398, limit: 4 });
    if (!page.ok) throw new Error(page.error.message);
    const shown = page.value as { total: number; figures: { areaCode: string; superseded: boolean; source: { id: number; cell: string } }[] };
    expect(shown.total).toBe(800);
    expect(shown.figures.map((f) => [f.areaCode, f.source.cell, f.superseded, f.source.id])).toEqual([
      [buurtCode(199), 'C201', true, v1.sourceId],
      [buurtCode(199), 'D201', true, v1.sourceId],
      [buurtCode(200), 'C202', true, v1.sourceId],
      [buurtCode(200), 'D202', true, v1.sourceId],
    ]);
    const cli = await s.call('observations.list', { sourceId: v2.sourceId as number, includeSuperseded: true });
    expect(cli.ok && (cli.value as unknown[]).length).toBe(760);
    expectSourceExtentsCover(s);
    s.close();
  });

  it('the status line\'s latest period follows what is imported, also through a revision', async () => {
    const s = freshServices();
    const latest = async (): Promise<string | null> => {
      const env = await s.call('app.info', {});
      if (!env.ok) throw new Error(env.error.message);
      return (env.value as { latestPeriod: string | null }).latestPeriod;
    };
    const seeded = await latest();
    expect(seeded).toMatch(/^20\d\d/);
    const sub = mkdtempSync(path.join(dir, 'latest-'));
    const v1 = await commit(s, { filePath: makeBuurtenCsv(sub, { rows: 30, year: 2031, name: 'prognose-2031.csv' }).file, choices: { areas: { newAreas: 'create' } } });
    expect(await latest()).toBe('2031');
    // The revised edition supersedes every figure of the first: 2031 is still the latest, now from the second.
    const sub2 = mkdtempSync(path.join(dir, 'latest-'));
    const v2 = await commit(s, { filePath: makeBuurtenCsv(sub2, { rows: 30, year: 2031, name: 'prognose-2031.csv', bump: 1 }).file, choices: { areas: { newAreas: 'create' } } });
    expect(v2).toMatchObject({ committed: true, superseded: 60, supersededSources: [v1.sourceId] });
    expect(await latest()).toBe('2031');
    // Were the revision's figures gone too, 2031 would have no current figure left: the next latest is the seed's.
    s.ctx.db.exec(`UPDATE observation SET superseded_by = (SELECT min(id) FROM observation) WHERE source_id = ${v2.sourceId as number}`);
    expect(await latest()).toBe(seeded);
    s.close();
  });

  it('a saved mapping is applied automatically to next year\'s file of the same shape', async () => {
    const s = freshServices();
    const y2023 = makeBuurtenCsv(dir, { rows: 50, year: 2023, name: 'wijkmonitor-2023.csv' }).file;
    const choices = { measures: [{ key: 'Inwoners', indicator: 'a_inw' }, { key: 'Woningen', indicator: 'a_woning' }], areas: { newAreas: 'create' as const } };
    const first = await commit(s, { filePath: y2023, choices, saveMappingAs: 'wijkmonitor' });
    expect(first).toMatchObject({ committed: true, indicatorsNew: 0, mapping: { applied: null, saved: 'wijkmonitor' } });

    const y2024 = makeBuurtenCsv(dir, { rows: 50, year: 2024, name: 'wijkmonitor-2024.csv' }).file;
    const p = await preview(s, { filePath: y2024, mapping: 'auto' });
    expect(p.recipeMatch).toEqual({ name: 'wijkmonitor', how: 'signature', similarity: 1 });
    expect(p.measures.map((m) => [m.key, m.indicator.code, m.indicator.via])).toEqual([
      ['Inwoners', 'a_inw', 'recipe'],
      ['Woningen', 'a_woning', 'recipe'],
    ]);
    const next = await commit(s, { filePath: y2024, mapping: 'auto', choices: { areas: { newAreas: 'create' } } });
    expect(next).toMatchObject({ committed: true, indicatorsNew: 0, mapping: { applied: 'wijkmonitor', saved: 'wijkmonitor' } });
    expect(storedFigures(s, next.sourceId as number)[0]).toMatchObject({ indicator: 'a_inw', period: '2024' });
    // Another year is not a revision of the same figures: nothing superseded.
    expect(next.superseded).toBe(0);
    const mappings = await s.call('mappings.list', {});
    expect(mappings.ok && (mappings.value as { name: string }[]).map((m) => m.name)).toEqual(['wijkmonitor']);
    s.close();
  });

  it('an alias the analyst confirms once (a publisher code) is remembered for the next file', async () => {
    const long = (name: string, value: number) => {
      const file = path.join(dir, name);
      writeFileSync(file, `jaar,gebiedcode15,variabele,waarde\n2018,T,BEVTOTAAL,${value}\n2018,F,BEVTOTAAL,${value + 1}\n`);
      return file;
    };
    const unknown = await preview(s, { filePath: long('stadsdelen-a.csv', 100) });
    expect(unknown.areas.review.map((a) => [a.label, a.status])).toEqual([
      ['F', 'unknown'],
      ['T', 'unknown'],
    ]);
    const first = await commit(s, { filePath: long('stadsdelen-a.csv', 100), choices: { areas: { choices: [{ label: 'T', action: 'use', code: 'NPLV11' }, { label: 'F', action: 'use', code: 'NPLV12' }] } } });
    expect(first).toMatchObject({ committed: true, observations: 2, aliasesRemembered: 2, areasUnmatched: 0 });
    // Read as names here (two rows say little); a code column's aliases keep the column as their context.
    const context = unknown.areas.review[0]?.isCode ? unknown.areas.context : '';
    expect(s.ctx.db.prepare("SELECT al.alias, a.code, al.context FROM area_alias al JOIN area a ON a.id = al.area_id WHERE al.alias IN ('T', 'F') ORDER BY al.alias").all()).toEqual([
      { alias: 'F', code: 'NPLV12', context },
      { alias: 'T', code: 'NPLV11', context },
    ]);
    const second = await commit(s, { filePath: long('stadsdelen-b.csv', 200) });
    expect(second).toMatchObject({ committed: true, observations: 2, areasMatched: 2, areasUnmatched: 0, aliasesRemembered: 0 });
    expect(storedFigures(s, second.sourceId as number).map((f) => [f.area, f.value])).toEqual([
      ['NPLV11', 200],
      ['NPLV12', 201],
    ]);
  });
});

describe('in a worker thread (as under Electron and the web shell)', () => {
  let s: Services;
  beforeAll(async () => {
    const workerPath = await buildJobsWorker('import');
    s = startServices(path.join(mkdtempSync(path.join(os.tmpdir(), 'wv-txw-')), 'store.sqlite'), 'web', { workerPath });
    s.ctx.log = () => undefined;
  });
  afterAll(() => s.close());

  it('previews and commits off the main thread; the app sees the figures at once', async () => {
    const { file } = makeBuurtenCsv(dir, { rows: 300, name: 'buurten-worker-2024.csv' });
    const p = await preview(s, { filePath: file, choices: { areas: { newAreas: 'create' } } });
    expect(p.figures.toImport).toBe(600);
    const r = await commit(s, { filePath: file, expectSha256: p.file.sha256 as string, choices: { areas: { newAreas: 'create' } } });
    expect(r).toMatchObject({ committed: true, observations: 600 });
    expect(storedFigures(s, r.sourceId as number)).toHaveLength(600);
  });

  it('a cancel stops the worker\'s import and writes nothing', async () => {
    const { file } = makeBuurtenCsv(dir, { rows: 9900, name: 'buurten-worker-annuleren-2024.csv' });
    const before = fingerprint(s);
    const id = await startCommit(s, file);
    const cancelled = await cancelMidway(s, id);
    expect(cancelled.state).toBe('cancelled');
    expect(fingerprint(s)).toEqual(before);
  });

  it('refuses to import a file that changed since its preview', async () => {
    const { file } = makeBuurtenCsv(dir, { rows: 10, name: 'buurten-gewijzigd-2024.csv' });
    const p = await preview(s, { filePath: file });
    makeBuurtenCsv(dir, { rows: 10, name: 'buurten-gewijzigd-2024.csv', bump: 2 });
    const err = await commitFails(s, { filePath: file, expectSha256: p.file.sha256 as string });
    expect(err).toMatchObject({ code: 'IMPORT_FAILED', where: { file: 'buurten-gewijzigd-2024.csv' } });
    expect(err.message).toMatch(/has changed since the preview/);
  });
});
