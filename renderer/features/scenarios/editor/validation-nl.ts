import { AppError } from '../../../../shared/errors';
import { parseScenarioDefinition, type ScenarioDefinition } from '../../../../shared/domain/scenario';
import { formatCount } from '../../../../shared/domain/format/number';

/**
 * Validation for the form: the engine's own schema (the same check the services run), with its
 * messages turned into Dutch and its paths into labels an analyst recognises.
 */

export interface Problem {
  /** Path as the engine writes it, e.g. `streams[0].amount.total`. */
  path: string;
  label: string;
  message: string;
}

const RULES: [RegExp, (...m: string[]) => string][] = [
  [/^Too small: expected number to be >=(.+)$/, (_, n) => `moet ten minste ${nl(n)} zijn`],
  [/^Too small: expected number to be >(.+)$/, (_, n) => `moet groter dan ${nl(n)} zijn`],
  [/^Too big: expected number to be <=(.+)$/, (_, n) => `mag hoogstens ${nl(n)} zijn`],
  [/^Too big: expected number to be <(.+)$/, (_, n) => `moet kleiner dan ${nl(n)} zijn`],
  [/^Too small: expected string to have >=1 characters?$/, () => 'mag niet leeg zijn'],
  [/^Too small: expected array to have >=1 items?$/, () => 'geef ten minste één'],
  [/^Invalid input: expected number, received NaN$/, () => 'geen geldig getal'],
  [/^Invalid input: expected int, received number$/, () => 'moet een geheel getal zijn'],
  [/^Invalid input: expected (number|string|boolean|object|array), received undefined$/, () => 'verplicht'],
  [/^Invalid input: expected .+$/, () => 'ongeldige waarde'],
  [/^Invalid (option|input): expected one of .+$/, () => 'kies een van de opties'],
  [/^Invalid discriminator value.+$/, () => 'kies een van de opties'],
  [/^Unrecognized keys?: (.+)$/, (_, k) => `onbekend veld ${k}`],
  [/^required: give a number.+$/, () => 'verplicht: vul een getal of een bandbreedte in'],
  [/^wrong type: give a number.+$/, () => 'vul een getal of een bandbreedte in'],
  [/^range low \((.+)\) is above high \((.+)\)$/, (_, a, b) => `ondergrens ${nl(a)} ligt boven bovengrens ${nl(b)}`],
  [/^mode (.+) lies outside \[(.+), (.+)\]$/, (_, m, a, b) => `modus ${nl(m)} ligt buiten ${nl(a)}–${nl(b)}`],
  [/^mode only applies to a triangular distribution$/, () => 'een modus hoort alleen bij een driehoeksverdeling'],
  [/^value (.+) lies outside \[(.+), (.+)\]$/, (_, v, a, b) => `waarde ${nl(v)} ligt buiten ${nl(a)}–${nl(b)}`],
  [/^years\.to \((\d+)\) is before years\.from \((\d+)\)$/, (_, t, f) => `het eindjaar ${t} ligt vóór het beginjaar ${f}`],
  [/^a scenario spans at most 61 years$/, () => 'een scenario beslaat ten hoogste 61 jaar'],
  [/^a scenario cannot be its own baseline$/, () => 'een scenario kan niet zijn eigen basis zijn'],
  [/^duplicate stream id "(.+)"$/, (_, id) => `id "${id}" komt twee keer voor`],
  [/^stream "(.+)" ends \((\d+)\) before it starts \((\d+)\)$/, (_, s, e, b) => `"${s}" eindigt (${e}) vóór de start (${b})`],
  [/^profile has (\d+) weights for (\d+) years.*$/, (_, w, y) => `het profiel heeft ${w} gewichten voor ${y} jaren`],
  [/^profile weights must not all be zero$/, () => 'de gewichten van het profiel zijn allemaal nul'],
  [/^stream "(.+)" is structural.+$/, (_, s) => `"${s}" is structureel (geen eindjaar) en heeft dus geen regel na afloop`],
  [/^untilYear (\d+) must be after the stream's last year (\d+)$/, (_, u, e) => `${u} moet na het laatste jaar van de regeling (${e}) liggen`],
  [/^a municipality key only applies.+$/, () => 'een verdeling over gemeenten geldt alleen voor geld zonder oormerk per gebied'],
  [/^stream "(.+)" cannot be bundled into itself$/, (_, s) => `"${s}" kan niet in zichzelf opgaan`],
  [/^unknown stream "(.+)"$/, (_, s) => `onbekende regeling "${s}"`],
  [/^housing startYear (\d+) lies outside the scenario years (.+)$/, (_, y, r) => `startjaar ${y} ligt buiten de scenariojaren ${r}`],
  [/^housing horizon (\d+) must lie within (.+)$/, (_, y, r) => `horizon ${y} moet binnen ${r} liggen`],
  [/^duplicate housing area "(.+)"$/, (_, a) => `gebied ${a} komt twee keer voor`],
  [/^(newConstruction|demolition) ends \((\d+)\) before it starts \((\d+)\)$/, (_, _k, e, b) => `eindigt (${e}) vóór de start (${b})`],
  [/^give a tenure mix.+$/, () => 'geef een verdeling naar eigendom: de voorraad wordt per eigendom bijgehouden'],
  [/^use letters, digits.+$/, () => 'gebruik letters, cijfers, ".", "_" of "-", te beginnen met een letter of cijfer'],
  [/^Invalid input: expected "te bevestigen"$/, () => 'status moet "te bevestigen" zijn'],
  [/^A saved scenario with id "(.+)" already exists \("(.+)"\).*$/, (_, id, n) => `er is al een opgeslagen scenario met id "${id}" ("${n}"); geef dit scenario een ander id`],
  [/^A saved scenario is already called "(.+)" \(id (.+)\).*$/, (_, n) => `er is al een opgeslagen scenario met de naam "${n}"; kies een andere naam`],
  [/^A saved scenario with id "(.+)" already exists; choose another id\.$/, (_, id) => `er is al een opgeslagen scenario met id "${id}"; kies een ander id`],
  [/^The id "(.+)" belongs to a shipped template.*$/, (_, id) => `het id "${id}" hoort bij een meegeleverd sjabloon; geef het scenario een eigen id`],
  [/^No saved scenario with id "(.+)"\.$/, (_, id) => `geen opgeslagen scenario met id "${id}"`],
  [/^stream "(.+)" is allocated by population, but population is missing for (.+)$/, (_, s, list) => `"${s}" wordt verdeeld naar inwonertal, maar het inwonertal ontbreekt voor ${list}; importeer het aantal inwoners (a_inw) of kies een andere verdeling`],
];

function nl(n: string): string {
  const x = Number(n);
  return Number.isFinite(x) ? formatCount(x) : n;
}

export function messageNl(message: string): string {
  for (const [re, f] of RULES) {
    const m = re.exec(message);
    if (m) return f(...m);
  }
  return message;
}

const WORDS: Record<string, string> = {
  schemaVersion: 'schemaversie',
  id: 'id',
  name: 'naam',
  years: 'jaren',
  from: 'van',
  to: 'tot en met',
  baseline: 'basisscenario',
  streams: 'regeling',
  amount: 'bedrag',
  total: 'totaal',
  perYear: 'per jaar',
  profile: 'profiel',
  programmeSharePct: 'aandeel programma',
  indexationPctPerYear: 'indexatie',
  afterEnd: 'na afloop',
  pct: 'percentage',
  untilYear: 't/m jaar',
  intoStreamId: 'opgaan in',
  adminCostReductionPct: 'besparing beheer',
  allocation: 'verdeling',
  amounts: 'bedragen',
  indicators: 'indicator',
  weight: 'gewicht',
  municipalityKey: 'verdeling over gemeenten',
  housing: 'woningen',
  startYear: 'startjaar',
  horizon: 'horizon',
  areas: 'gebied',
  areaCode: 'gebied',
  poorQuality: 'slechte woningen',
  inProgress: 'in uitvoering',
  improvedToDate: 'al verbeterd',
  capacity: 'capaciteit',
  budgetPerYear: 'budget per jaar',
  costPerDwelling: 'kosten per woning',
  sharePct: 'aandeel',
  streamId: 'regeling',
  leadTimeYears: 'doorlooptijd',
  newConstruction: 'nieuwbouw',
  pipeline: 'in voorbereiding',
  realisationPct: 'realisatie',
  demolition: 'sloop',
  poorQualitySharePct: 'aandeel slecht',
  tenureMix: 'verdeling naar eigendom',
  stock: 'voorraad',
  social: 'sociale huur',
  private: 'particuliere huur',
  owner: 'koop',
  targetRemaining: 'doel',
  uncertainty: 'onzekerheid',
  runs: 'trekkingen',
  seed: 'seed',
  low: 'ondergrens',
  high: 'bovengrens',
  mode: 'modus',
  value: 'waarde',
  dist: 'verdeling',
};

/** "streams[0].afterEnd.untilYear" → "Regeling 1 (SPUK Kansrijke Wijk) › na afloop › t/m jaar". */
export function pathLabel(path: string, draft?: ScenarioDefinition): string {
  const parts: string[] = [];
  const re = /([A-Za-z]+)(?:\[(\d+)\])?/g;
  let m: RegExpExecArray | null;
  let context: unknown = draft;
  while ((m = re.exec(path))) {
    const key = m[1] as string;
    const index = m[2];
    const word = WORDS[key] ?? key;
    context = (context as Record<string, unknown> | undefined)?.[key];
    if (index !== undefined) {
      context = (context as unknown[] | undefined)?.[Number(index)];
      const named = (context as { name?: string; areaCode?: string } | undefined)?.name ?? (context as { areaCode?: string } | undefined)?.areaCode;
      parts.push(`${word[0]?.toUpperCase()}${word.slice(1)} ${Number(index) + 1}${named ? ` (${named})` : ''}`);
    } else parts.push(word);
  }
  return parts.join(' › ') || 'scenario';
}

/** All problems of a draft, or none. Uses the engine's parse (its union handling gives the useful branch). */
export function validateDraft(draft: unknown): { ok: true; definition: ScenarioDefinition } | { ok: false; problems: Problem[] } {
  try {
    return { ok: true, definition: parseScenarioDefinition(draft) };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const lines = err.details ?? [err.message];
    const problems = lines.map((line) => {
      const at = line.indexOf(': ');
      const path = at > 0 ? line.slice(0, at) : '';
      const message = at > 0 ? line.slice(at + 2) : line;
      return { path: path === '(root)' ? '' : path, label: pathLabel(path === '(root)' ? '' : path, draft as ScenarioDefinition), message: messageNl(message) };
    });
    return { ok: false, problems };
  }
}

/** Problems at a field's path (or inside it: a range's low/high). */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}
