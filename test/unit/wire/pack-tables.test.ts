import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACKED, packTables, unpackTables } from '../../../shared/wire/pack-tables';

/** What the page gets: the server packs and stringifies, the page parses and unpacks. */
const overTheWire = (value: unknown): unknown => unpackTables(JSON.parse(JSON.stringify(packTables(value))));
/** What the page got before packing: plain JSON. */
const plainJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('packTables / unpackTables (the web shell wire)', () => {
  it('sends an array of like objects as one key list and rows, and gives the same objects back', () => {
    const cells = Array.from({ length: 20 }, (_, i) => ({ areaCode: `BU${i}`, value: i % 3 === 0 ? null : i * 1.5, sign: i % 3 === 0 ? 'unknown' : null, members: i === 4 ? ['WK01', 'WK02'] : null, spread: null }));
    const envelope = { ok: true, value: { period: '2024', rows: [{ areaCode: 'GM0344', cells }] } };
    const packed = packTables(envelope) as { value: { rows: { cells: Record<string, unknown> }[] } };
    const table = packed.value.rows[0]?.cells[PACKED] as [string[], unknown[][]];
    expect(table[0]).toEqual(['areaCode', 'value', 'sign', 'members', 'spread']);
    expect(table[1][4]).toEqual(['BU4', 6, null, ['WK01', 'WK02'], null]);
    expect(overTheWire(envelope)).toEqual(envelope);
    // the point of it: the key names are sent once
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(envelope).length * 0.6);
  });

  it('leaves short arrays, mixed arrays and arrays with an undefined value as they are', () => {
    const short = [{ a: 1 }, { a: 2 }];
    const mixed = Array.from({ length: 10 }, (_, i) => (i === 5 ? { b: 1 } : { a: i }));
    const undef = Array.from({ length: 10 }, (_, i) => ({ a: i, b: i === 3 ? undefined : 1 }));
    for (const v of [short, mixed, undef]) {
      expect(packTables(v)).toEqual(v);
      expect(overTheWire(v)).toEqual(plainJson(v));
    }
  });

  it('round-trips any JSON value exactly as plain JSON does', () => {
    const likeObjects = fc.array(fc.record({ code: fc.string(), value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })), tags: fc.array(fc.string(), { maxLength: 3 }) }), { minLength: 0, maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), likeObjects, fc.dictionary(fc.string(), likeObjects)), (value) => {
        expect(overTheWire(value)).toEqual(plainJson(value));
      }),
      { numRuns: 1000 },
    );
  });
});
