import type { ScenarioDefinition, ScenarioDefinitionInput } from './definition';
import type { BaselineOptions, BaselineValues } from './baseline';
import { computeBaseline } from './baseline';
import type { CompiledScenario, ScenarioInputsInput } from './compile';
import { compileScenario, evaluateCentral } from './compile';
import type { HousingBlock } from './layout';
import { HM } from './layout';
import type { Assumption, FundingRow, HousingRow, HousingTarget, ScenarioResult } from './results';

/**
 * The deterministic run: definition + inputs → yearly rows per area × stream, housing per area, and the
 * list of assumptions. Pure: same arguments, same result.
 */

export type RunOptions = BaselineOptions;

export function runScenario(definition: ScenarioDefinitionInput | ScenarioDefinition, inputs: ScenarioInputsInput, options: RunOptions = {}): ScenarioResult {
  const c = compileScenario(definition, inputs);
  const out = evaluateCentral(c);
  const assumptions = [...c.assumptions];
  const baseline = computeBaseline(c, options, assumptions);
  return assembleResult(c, out, baseline, assumptions);
}

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

export function assembleResult(c: CompiledScenario, out: Float64Array, baseline: BaselineValues | null, assumptions: Assumption[]): ScenarioResult {
  const funding: FundingRow[] = [];
  const housing: HousingRow[] = [];
  const housingTargets: HousingTarget[] = [];
  const Y = c.years.length;
  const housingFirst = new Map<string, HousingBlock>();
  for (const block of c.layout.blocks) {
    if (block.kind === 'funding' && block.measure === 'amount') {
      const key = `${block.streamId}|${block.areaCode}`;
      const base = baseline ? (baseline.amounts.get(key) ?? new Float64Array(Y)) : null;
      const baseCum = baseline ? (baseline.cumulative.get(key) ?? new Float64Array(Y)) : null;
      for (let y = 0; y < Y; y++) {
        const amount = out[block.offset + y] as number;
        const cumulativeAmount = out[block.offset + Y + y] as number;
        const baselineAmount = base ? (base[y] as number) : null;
        // Differences of cumulatives (not a running sum of deltas): the same arithmetic as the
        // Monte Carlo bands, so collapsed ranges reproduce these figures to the last bit.
        const delta = baselineAmount === null ? null : amount - baselineAmount;
        const cumulativeDelta = baseCum ? cumulativeAmount - (baseCum[y] as number) : null;
        funding.push({
          streamId: block.streamId,
          streamName: block.streamName,
          areaCode: block.areaCode,
          level: block.level,
          year: c.years[y] as number,
          amount,
          cumulativeAmount,
          perResident: block.population === null ? null : amount / block.population,
          perResidentReason: block.perResidentReason,
          baselineAmount,
          delta,
          cumulativeDelta,
        });
      }
    } else if (block.kind === 'housing' && !housingFirst.has(block.areaCode)) {
      housingFirst.set(block.areaCode, block);
    } else if (block.kind === 'targetYear') {
      const reached = out[block.offset] as number;
      const targetYear = Number.isFinite(reached) ? reached : null;
      housingTargets.push({
        areaCode: block.areaCode,
        targetRemaining: block.targetRemaining,
        targetYear,
        horizon: block.horizon,
        message: targetYear === null ? `Doel niet vóór ${block.horizon} bereikt` : `Doel bereikt in ${targetYear}`,
      });
    }
  }
  for (const [areaCode, first] of housingFirst) {
    const Yh = first.length;
    const at = (m: number, y: number) => out[first.offset + m * Yh + y] as number;
    const baseRemaining = baseline?.remaining.get(areaCode) ?? null;
    for (let y = 0; y < Yh; y++) {
      const hasStock = !Number.isNaN(at(HM.stockSocial, y));
      const remaining = at(HM.remainingPoorQuality, y);
      housing.push({
        areaCode,
        year: first.yearFrom + y,
        remainingPoorQuality: remaining,
        improved: at(HM.improved, y),
        started: at(HM.started, y),
        inProgress: at(HM.inProgress, y),
        cumulativeImproved: at(HM.cumulativeImproved, y),
        newDwellings: at(HM.newDwellings, y),
        demolished: at(HM.demolished, y),
        stock: hasStock ? { social: at(HM.stockSocial, y), private: at(HM.stockPrivate, y), owner: at(HM.stockOwner, y) } : null,
        socialRentSharePct: nullIfNaN(at(HM.socialRentSharePct, y)),
        cost: nullIfNaN(at(HM.cost, y)),
        remainingDelta: baseRemaining ? remaining - (baseRemaining[y] as number) : null,
      });
    }
  }
  return {
    scenarioId: c.definition.id,
    scenarioName: c.definition.name,
    baselineId: baseline?.id ?? null,
    years: c.years,
    funding,
    housing,
    housingTargets,
    assumptions,
    parameters: c.params.info,
  };
}
