import type { ScenarioRun } from '../../../../shared/contract/scenario';

import { formatFixed, formatInteger, formatMillions, formatPercent } from '../../../../shared/domain/format/number';


/** CBS sign for "no figure"; the tooltip says why. Never an empty cell that reads as zero. */
export const UNKNOWN = '.';

/** Euro in millions, two decimals, Dutch: "85,33". The unit (€ mln) goes in the header. */
export const mln = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? UNKNOWN : formatMillions(x, 2));
/** Signed difference in € mln: "+85,33", "−12,00", "0,00". */
export const mlnSigned = (x: number | null | undefined): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return UNKNOWN;
  const r = Math.round(x / 1e4) / 100;
  if (r === 0) return formatFixed(0, 2);
  return `${r > 0 ? '+' : '−'}${formatFixed(Math.abs(r), 2)}`;
};
export const euro = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? UNKNOWN : formatInteger(x));
export const euro2 = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? UNKNOWN : formatFixed(x, 2));
export const count = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? UNKNOWN : formatInteger(x));
export const countSigned = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? UNKNOWN : `${Math.round(x) > 0 ? '+' : Math.round(x) < 0 ? '−' : ''}${formatInteger(Math.abs(x))}`;
export const pct = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? UNKNOWN : formatPercent(x, 1));

/** Blue–orange, safe for colour-blind readers; the accent first. */
export const PALETTE = ['#1f5f8b', '#e08a2e', '#7fb3d5', '#a6611a', '#2c7fb8', '#fdb863', '#41607a', '#c4761c'];
export const ACCENT = '#1f5f8b';
export const ORANGE = '#e08a2e';
export const GRID = '#e6e8eb';

/**
 * The source line under every scenario figure: which scenario and parameters made it, where those
 * came from, and how many are still "te bevestigen".
 */
export function sourceLine(run: ScenarioRun, extra?: string): string {
  const r = run.result;
  const sources = [...new Set(r.parameters.map((p) => p.source).filter((s): s is string => s !== null))];
  const toConfirm = r.assumptions.filter((a) => a.kind === 'te-bevestigen').length;
  const span = `${r.years[0]}–${r.years.at(-1)}`;
  const parts = [
    `scenarioberekening Wijkverkenner, «${r.scenarioName}» (${span})`,
    sources.length > 0 ? `cijfers uit ${sources.join('; ')}` : 'parameters ingevoerd door de analist',
    toConfirm > 0 ? `${toConfirm} ${toConfirm === 1 ? 'aanname' : 'aannames'} te bevestigen (zie de lijst)` : null,
    run.inputs.areasWithPopulation < run.inputs.areas ? `inwonertal bekend voor ${run.inputs.areasWithPopulation} van ${run.inputs.areas} gebieden` : null,
    extra ?? null,
  ];
  return `Bron: ${parts.filter(Boolean).join('; ')}.`;
}

const PARAM_NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 });
const MAX_PARAMETERS = 40;

/**
 * The parameters that produced a scenario figure, one line for a saved chart: each with its central
 * value, its range and distribution where it has one, and "te bevestigen" where that applies.
 */
export function parameterLine(run: ScenarioRun): string {
  const ps = run.result.parameters;
  if (ps.length === 0) return '';
  const one = (p: ScenarioRun['result']['parameters'][number]): string => {
    const range = p.low !== null && p.high !== null ? ` (${PARAM_NUMBER.format(p.low)}–${PARAM_NUMBER.format(p.high)}${p.dist ? `, ${p.dist === 'uniform' ? 'uniform' : 'driehoek'}` : ''})` : '';
    return `${p.label} ${PARAM_NUMBER.format(p.central)}${range}${p.status ? ' te bevestigen' : ''}`;
  };
  const shown = ps.slice(0, MAX_PARAMETERS).map(one);
  const more = ps.length > MAX_PARAMETERS ? `; en ${ps.length - MAX_PARAMETERS} meer (zie het scenario)` : '';
  return `Parameters: ${shown.join('; ')}${more}.`;
}

/** What a saved scenario chart carries: its caption with the scenario's name, the source line and the parameters. */
export function chartFile(run: ScenarioRun, caption: string, extra?: string): { caption: string; sourceLine: string } {
  const params = parameterLine(run);
  return { caption: `${caption} — scenario «${run.result.scenarioName}»`, sourceLine: `${sourceLine(run, extra)}${params ? ` ${params}` : ''}` };
}
