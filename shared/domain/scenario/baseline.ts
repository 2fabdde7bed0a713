import type { ScenarioDefinitionInput } from './definition';
import { TOTAL_STREAM_ID, parseScenarioDefinition } from './definition';
import type { CompiledScenario } from './compile';
import { compileScenario, evaluateCentral } from './compile';
import type { Assumption } from './results';
import { findTemplate } from './templates';

/**
 * The baseline a scenario is compared with. It is recomputed over the scenario's own years (and housing
 * window) with the same inputs, at central values, so every row has a like-for-like counterpart.
 */

export interface BaselineOptions {
  /** The baseline definition itself; `null` compares with nothing. Takes precedence over `definition.baseline`. */
  baseline?: ScenarioDefinitionInput | null;
  /** Look a baseline up by id (e.g. in the store). Shipped template ids resolve without it. */
  resolveBaseline?: (id: string) => ScenarioDefinitionInput | undefined;
}

export interface BaselineValues {
  id: string;
  name: string;
  /** `${streamId}|${areaCode}` → amount per scenario year; `_totaal` rows are always present. */
  amounts: Map<string, Float64Array>;
  /** Cumulative of `amounts`, same keys. */
  cumulative: Map<string, Float64Array>;
  /** Housing area code → remaining poor-quality dwellings per housing year. */
  remaining: Map<string, Float64Array>;
}

function resolve(c: CompiledScenario, o: BaselineOptions, assumptions: Assumption[]): ScenarioDefinitionInput | null {
  if (o.baseline !== undefined) return o.baseline;
  const ref = c.definition.baseline;
  if (!ref) return null;
  const found = o.resolveBaseline?.(ref.id) ?? findTemplate(ref.id);
  if (!found) assumptions.push({ kind: 'ontbrekend', path: 'baseline', message: `Basisscenario ${ref.id} niet gevonden; geen verschil berekend` });
  return found ?? null;
}

export function computeBaseline(c: CompiledScenario, o: BaselineOptions, assumptions: Assumption[]): BaselineValues | null {
  const raw = resolve(c, o, assumptions);
  if (!raw) return null;
  const b = parseScenarioDefinition(raw);
  const { from, to } = c.definition.years;
  if (b.years.from !== from || b.years.to !== to) {
    assumptions.push({ kind: 'aanname', path: 'baseline', message: `Basisscenario ${b.name} doorgerekend over ${from}–${to}` });
  }
  const w = c.housingWindow;
  const aligned = parseScenarioDefinition({
    ...b,
    baseline: undefined,
    years: { from, to },
    housing: b.housing && w ? { ...b.housing, startYear: w.start, horizon: w.horizon } : undefined,
  });
  const bc = compileScenario(aligned, c.inputs);
  const out = evaluateCentral(bc);
  const Y = c.years.length;
  const amounts = new Map<string, Float64Array>();
  const totals = new Map<string, Float64Array>();
  const remaining = new Map<string, Float64Array>();
  for (const block of bc.layout.blocks) {
    if (block.kind === 'housing' && block.measure === 'remainingPoorQuality') remaining.set(block.areaCode, out.slice(block.offset, block.offset + block.length));
    if (block.kind !== 'funding' || block.measure !== 'amount' || block.streamId === TOTAL_STREAM_ID) continue;
    const series = out.slice(block.offset, block.offset + Y);
    amounts.set(`${block.streamId}|${block.areaCode}`, series);
    // Totals as the scenario defines them: areas sum attributable streams (the only ones with area
    // rows), the programme sums everything. Municipality rows have no total.
    if (block.level === 'municipality') continue;
    const total = totals.get(block.areaCode) ?? new Float64Array(Y);
    for (let y = 0; y < Y; y++) total[y] = (total[y] as number) + (series[y] as number);
    totals.set(block.areaCode, total);
  }
  for (const [code, series] of totals) amounts.set(`${TOTAL_STREAM_ID}|${code}`, series);
  const cumulative = new Map<string, Float64Array>();
  for (const [key, series] of amounts) {
    let run = 0;
    cumulative.set(key, series.map((x) => (run += x)));
  }
  return { id: b.id, name: b.name, amounts, cumulative, remaining };
}
