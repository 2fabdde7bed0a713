import type { ScenarioDefinition, ScenarioDefinitionInput } from './definition';
import type { BaselineOptions } from './baseline';
import { computeBaseline } from './baseline';
import type { ScenarioInputsInput } from './compile';
import { compileScenario } from './compile';
import type { OutputSelector } from './selectors';
import { locateOutput } from './selectors';

/**
 * One-at-a-time sensitivity for a tornado chart: every ranged parameter is set to its low and to its
 * high end while all others stay at their central value; the rows are sorted by swing, largest first.
 * Parameters without a range are not varied (there is nothing to vary).
 */

export interface TornadoRow {
  path: string;
  label: string;
  low: number;
  high: number;
  central: number;
  /** The output with this parameter at its low / high end; null = unknown (e.g. target not reached). */
  outputAtLow: number | null;
  outputAtHigh: number | null;
  /** |outputAtHigh − outputAtLow|; a target year "not reached" counts as the year after the horizon. */
  swing: number;
}

export interface SensitivityResult {
  output: OutputSelector;
  /** The output at central values. */
  base: number | null;
  rows: TornadoRow[];
}

export function runSensitivity(
  definition: ScenarioDefinitionInput | ScenarioDefinition,
  inputs: ScenarioInputsInput,
  output: OutputSelector,
  options: BaselineOptions = {},
): SensitivityResult {
  const c = compileScenario(definition, inputs);
  const needsBaseline = output.kind === 'funding' && (output.measure === 'delta' || output.measure === 'cumulativeDelta');
  const baseline = needsBaseline ? computeBaseline(c, options, []) : null;
  const target = locateOutput(c, output, baseline);
  const p = c.params;
  const values = p.central.slice();
  const out = new Float64Array(c.layout.size);
  const evaluateAt = (): number | null => {
    c.evaluate(values, out);
    return target.read(out);
  };
  const base = evaluateAt();
  // For a target year, "not reached" sits just beyond the horizon so that it still sorts as a swing.
  const horizon = c.housingWindow?.horizon ?? c.definition.years.to;
  const forSwing = (x: number | null) => (x === null ? (output.kind === 'targetYear' ? horizon + 1 : 0) : x);

  const rows: TornadoRow[] = [];
  for (const k of p.ranged) {
    const info = p.info[k];
    if (!info) continue;
    values[k] = p.low[k] as number;
    const atLow = evaluateAt();
    values[k] = p.high[k] as number;
    const atHigh = evaluateAt();
    values[k] = p.central[k] as number;
    rows.push({
      path: info.path,
      label: info.label,
      low: p.low[k] as number,
      high: p.high[k] as number,
      central: p.central[k] as number,
      outputAtLow: atLow,
      outputAtHigh: atHigh,
      swing: Math.abs(forSwing(atHigh) - forSwing(atLow)),
    });
  }
  rows.sort((a, b) => b.swing - a.swing || a.path.localeCompare(b.path));
  return { output, base, rows };
}
