import { parseArgs } from 'node:util';
import type { IndexResult } from '../../../shared/contract/composite';
import { EXIT, UsageError, type CliCommand } from '../command';
import { printTable, unwrap } from '../output';

const nl = (x: number, digits = 2): string => x.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `index --view NAME`: the composite index saved with a view, ranked, with each indicator's part. */
export const indexCommand: CliCommand = {
  name: 'index',
  summary: "Composite index of a saved view: score, rank and each indicator's contribution per area.",
  usage: 'index --view NAME [--json]',
  run: async (args, services, io) => {
    const { values } = parseArgs({ args, options: { view: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    if (!values.view) throw new UsageError('give --view NAME (a saved comparison view with a composite index)');
    const res = unwrap<IndexResult>(io, await services.call('index.run', { view: values.view }));
    if (!res.ok) return res.code;
    const r = res.value;
    if (values.json) {
      // Keys exactly as documented; contributions keyed by indicator code as stored (no case change).
      const out = r.rows.map((row) => ({ area_code: row.areaCode, score: row.score, rank: row.rank, contributions: row.contributions }));
      io.out(`${JSON.stringify(out, null, 2)}\n`);
      return EXIT.ok;
    }
    const codes = r.stats.map((s) => s.indicatorCode);
    printTable(
      io,
      ['rang', 'code', 'gebied', 'score', ...codes],
      r.rows.map((row) => [row.rank, row.areaCode, row.areaName, nl(row.score), ...codes.map((c) => (row.contributions[c] === undefined ? null : nl(row.contributions[c]!)))]),
    );
    io.out(
      `\nz-scores tegen ${r.definition.reference === 'shown' ? 'de gebieden van de weergave' : r.definition.reference === 'focus' ? 'de 20 focusgebieden' : `${r.referenceCount} gekozen gebieden`}; ` +
        `hoger is beter (indicatoren waar hoger slechter is tellen negatief). Ontbrekend cijfer: ${r.definition.missing === 'exclude' ? 'gebied weggelaten' : 'herwogen over de beschikbare indicatoren'}.\n`,
    );
    for (const s of r.stats) io.out(`  ${s.indicatorCode}: gewicht ${nl(s.share * 100, 0)}%, ${s.indicatorName} (${s.period ?? 'geen periode'})${s.unusable ? ` — niet gebruikt: ${s.unusable}` : ''}\n`);
    if (r.excluded.length) io.out(`Weggelaten (${r.excluded.length}): ${r.excluded.map((e) => `${e.areaName} (${e.missing.join(', ') || 'geen cijfers'})`).join('; ')}\n`);
    return EXIT.ok;
  },
};
