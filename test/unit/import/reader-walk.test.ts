import { describe, expect, it } from 'vitest';
import { ReaderWalk } from '../../../main/import/thread/reader-walk';
import { StepDecoder } from '../../../main/import/thread/step-batch';
import type { WriteStep } from '../../../shared/domain/import/figure-steps';
import type { GridRow } from '../../../shared/domain/import/row-grid';
import { kwbCatalogue } from '../../integration/import/preview-helpers';

/**
 * The walk in the reading thread (reader-walk): the head rows are held until the plan is decided
 * and then walked all at once; the walk yields steps a chunk of rows at a time. The import's
 * thread should not wait for all of them before its first insert.
 */
const HEAD = 20;
const ROWS = 60;

function sheetRows(): GridRow[] {
  const rows: GridRow[] = [
    { r: 0, cells: [{ r: 0, c: 0, text: 'Kerncijfers wijken en buurten 2024' }] },
    { r: 1, cells: ['gwb_code', 'regio', 'a_inw', 'a_woning', 'p_koopw'].map((text, c) => ({ r: 1, c, text })) },
  ];
  for (let r = 2; r < ROWS; r++) {
    const code = `BU0363${String(r).padStart(4, '0')}`;
    const num = (c: number, value: number) => ({ r, c, text: String(value), value });
    rows.push({ r, cells: [{ r, c: 0, text: code }, { r, c: 1, text: `Buurt ${r}` }, num(2, 100 + r), num(3, 50 + r), r === 7 ? { r, c: 4, text: '.' } : num(4, 40)] });
  }
  return rows;
}

describe('the walk in the reading thread', () => {
  it('hands its first steps on after a few rows, head rows included, then in growing batches, in order, each up to the row it reached', () => {
    const batches: { lastRow: number; steps: WriteStep[] }[] = [];
    const decoder = new StepDecoder();
    const take = (): void => {
      const taken = walker.encoder.take();
      if (!taken) return;
      const steps: WriteStep[] = [];
      decoder.decode(structuredClone(taken.batch, { transfer: taken.transfer }), (s) => steps.push(s));
      batches.push({ lastRow: walker.lastRow, steps });
    };
    const passed: number[] = [];
    let walking: boolean | null = null;
    const walker = new ReaderWalk(
      {
        input: { areas: [], catalogue: kwbCatalogue(), choices: { measures: [], areas: { newAreas: 'create', fuzzy: 'ask', choices: [], remember: true } } },
        file: { name: 'kwb-2024.xlsx', sha256: '0'.repeat(64), format: 'xlsx', sizeBytes: 1, encoding: null, separator: null },
        sheetNames: ['kwb'],
        sheet: 'kwb',
        headRows: HEAD,
      },
      (row) => passed.push(row.r),
      () => undefined,
      (w) => (walking = w),
      // As the reading thread does: a batch as soon as 9 figures (three rows) are waiting.
      () => {
        if (walker.encoder.size >= 9) take();
      },
    );
    for (const row of sheetRows()) walker.push(row);
    const walked = walker.end();
    take();

    expect(walking).toBe(true);
    expect(passed).toEqual(Array.from({ length: HEAD }, (_, r) => r));
    expect(walked?.region.lastDataRow).toBe(ROWS - 1);
    // The first batch goes before the head is walked (it used to hold at least 512 rows), and
    // the batches grow from there (8 rows, doubling).
    const figuresIn = (b: { steps: WriteStep[] }) => b.steps.filter((s) => s.kind === 'figure').length;
    expect(batches[0]?.lastRow).toBeLessThan(HEAD - 1);
    expect(figuresIn(batches[0] as { steps: WriteStep[] })).toBe(8 * 3);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(figuresIn(batches[1] as { steps: WriteStep[] })).toBeGreaterThan(figuresIn(batches[0] as { steps: WriteStep[] }));
    // Every figure once, in sheet order, each batch ending at the row it says.
    const figures = batches.flatMap((b) => b.steps.filter((s) => s.kind === 'figure'));
    expect(figures).toHaveLength((ROWS - 2) * 3);
    expect(figures.map((f) => f.r)).toEqual([...figures.map((f) => f.r)].sort((a, b) => a - b));
    for (const b of batches) {
      const rows = b.steps.flatMap((s) => (s.kind === 'figure' ? [s.r] : []));
      if (rows.length > 0) expect(Math.max(...rows)).toBe(b.lastRow);
    }
    const dot = figures.find((f) => f.r === 7 && f.c === 4);
    expect(dot).toMatchObject({ value: null, sign: 'unknown', raw: '.' });
  });
});
