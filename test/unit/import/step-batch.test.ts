import { describe, expect, it } from 'vitest';
import type { WriteStep } from '../../../shared/domain/import/figure-steps';
import { StepDecoder, StepEncoder } from '../../../main/import/thread/step-batch';

/** Steps cross from the reading thread to the writing one in compact batches: what arrives is what was sent, in order. */
const p2024 = { period: '2024', yearStart: 2024, yearEnd: 2024 };
const p2325 = { period: '2023-2025', yearStart: 2023, yearEnd: 2025 };
const figure = (over: Partial<Extract<WriteStep, { kind: 'figure' }>>): WriteStep => ({
  kind: 'figure', measure: 0, period: p2024, value: 1, low: null, high: null, qualifier: null, sign: null, raw: '1', r: 1, c: 2, breakdown: null, ...over,
});

describe('step batches', () => {
  it('carry areas, left-out areas and figures (values, ranges, signs, qualifiers, breakdowns, raw text) unchanged and in order, across batches', () => {
    const first: WriteStep[] = [
      { kind: 'area', code: 'BU03630001', name: 'Kop Zeedijk', parents: [['municipality', 'Amsterdam']], remember: null },
      figure({ value: 1400, raw: '1.400', r: 5, c: 3 }),
      figure({ value: null, sign: 'unknown', raw: '.', measure: 7, c: 9 }),
      figure({ value: 0, sign: 'nil', raw: '-', c: 10 }),
      { kind: 'no-area' },
      { kind: 'area', code: 'GM0599', name: null, parents: [], remember: { alias: 'Rotterdam-Zuid', context: 'file.xlsx' } },
      figure({ value: null, low: 30_000, high: 40_000, qualifier: 'about', raw: 'ca. 30.000 – 40.000', period: p2325, r: 90_000, c: 16_383 }),
      figure({ value: 0.5, sign: 'provisional', raw: '', breakdown: 'PC5=9901A; jaar=2024' }),
    ];
    const second: WriteStep[] = [figure({ value: -12, raw: '−12', period: p2325, qualifier: 'nearly' }), figure({ value: 3, sign: 'unknown', raw: 'ü€ 3' })];
    const enc = new StepEncoder();
    const dec = new StepDecoder();
    const got: WriteStep[] = [];
    for (const steps of [first, second]) {
      for (const s of steps) enc.push(s);
      const taken = enc.take();
      if (!taken) throw new Error('nothing taken');
      // As between threads: a structured clone, the typed arrays transferred.
      dec.decode(structuredClone(taken.batch, { transfer: taken.transfer }), (s) => got.push(s));
      expect(enc.size).toBe(0);
    }
    expect(got).toEqual([...first, ...second]);
    expect(enc.take()).toBeNull();
  });
});
