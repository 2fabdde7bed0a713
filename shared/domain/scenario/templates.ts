import { AppError } from '../../errors';
import type { ScenarioDefinition, ScenarioDefinitionInput } from './definition';
import { parseScenarioDefinition } from './definition';

/**
 * Shipped templates: the streams and figures of the letter (DESIGN §2), each figure with its source.
 * What the letter does not give is marked 'te bevestigen' with a note saying why and what was assumed,
 * so every run lists it; nothing per area is invented (keys default to 'equal', flagged).
 */

export const NPLV_LETTER_SOURCE = 'Kamerstuk 30 995 nr. 104, brief van 17 oktober 2024 (Voortgang NPLV)';
export const CONTINUATION_MOTION_SOURCE = 'Motie Kamerstuk 36 600 IX nr. 16 (plan om de gebieden tot ten minste 2028 door te laten gaan)';

const NO_AREA_SPLIT = 'de brief geeft geen verdeling over de 20 gebieden; vul bedragen per gebied in of kies een andere sleutel';

function kansrijkeWijk(afterEnd: NonNullable<ScenarioDefinitionInput['streams']>[number]['afterEnd']) {
  return {
    id: 'spuk-kansrijke-wijk',
    name: 'SPUK Kansrijke Wijk',
    ministry: 'OCW, SZW, VWS, BZK',
    amount: { kind: 'total' as const, total: { value: 256_000_000, source: NPLV_LETTER_SOURCE }, from: 2023, to: 2025, source: NPLV_LETTER_SOURCE },
    allocation: { kind: 'equal' as const, status: 'te bevestigen' as const, note: NO_AREA_SPLIT },
    afterEnd,
    note: 'Bundelt zeven regelingen van OCW, SZW, VWS en BZK; € 256 mln voor 2023–2025, vlak over de jaren',
    source: NPLV_LETTER_SOURCE,
  };
}

const TEMPLATES: Record<string, ScenarioDefinitionInput> = {
  'kansrijke-wijk-stop': {
    schemaVersion: 1,
    id: 'kansrijke-wijk-stop',
    name: 'Kansrijke Wijk stopt na 2025',
    description: 'SPUK Kansrijke Wijk: € 256 mln vlak over 2023–2025, daarna geen middelen.',
    years: { from: 2023, to: 2030 },
    streams: [kansrijkeWijk({ kind: 'stop', note: 'Scenariokeuze: na 2025 geen middelen' })],
  },
  'kansrijke-wijk-tot-2028': {
    schemaVersion: 1,
    id: 'kansrijke-wijk-tot-2028',
    name: 'Kansrijke Wijk voortgezet tot en met 2028',
    description: 'Als de motie vraagt: het jaarbedrag van 2025 loopt door tot en met 2028. Vergeleken met "stopt na 2025".',
    years: { from: 2023, to: 2030 },
    baseline: { id: 'kansrijke-wijk-stop' },
    streams: [
      kansrijkeWijk({
        kind: 'continue',
        pct: { value: 100, status: 'te bevestigen', note: 'de motie noemt geen bedrag; aangenomen: het jaarbedrag van 2025' },
        untilYear: 2028,
        source: CONTINUATION_MOTION_SOURCE,
      }),
    ],
  },
  'preventie-met-gezag': {
    schemaVersion: 1,
    id: 'preventie-met-gezag',
    name: 'Preventie met Gezag',
    description: '€ 143 mln per jaar structureel vanaf 2025 voor 47 gemeenten, waaronder de 19 NPLV-gemeenten.',
    years: { from: 2025, to: 2030 },
    streams: [
      {
        id: 'preventie-met-gezag',
        name: 'Preventie met Gezag',
        ministry: 'JenV',
        amount: { kind: 'perYear', perYear: { value: 143_000_000, source: NPLV_LETTER_SOURCE }, from: 2025, source: NPLV_LETTER_SOURCE },
        programmeSharePct: {
          value: (19 / 47) * 100,
          status: 'te bevestigen',
          note: 'het NPLV-deel staat niet in de brief; aangenomen: gelijk per gemeente, 19 van de 47',
        },
        attributableToAreas: false,
        municipalityKey: { kind: 'equal', status: 'te bevestigen', note: 'de verdeling over de gemeenten staat niet in de brief' },
        note: 'Gemeentelijke middelen zonder oormerk per gebied; het ministerie (JenV) komt niet uit de brief',
        source: NPLV_LETTER_SOURCE,
      },
    ],
  },
  woningverbetering: {
    schemaVersion: 1,
    id: 'woningverbetering',
    name: 'Woningverbetering en nieuwbouw',
    description:
      'Start bij de cijfers van de brief (bijna 1.400 kwetsbare woningen verbeterd, aan 4.590 gestart, ongeveer 15.000 woningen in voorbereiding), voor het programma als geheel.',
    years: { from: 2025, to: 2035 },
    housing: {
      startYear: 2025,
      horizon: 2035,
      areas: [
        {
          areaCode: 'NPLV',
          note: 'Programma als geheel: de brief geeft geen cijfers per gebied',
          poorQuality: {
            value: 3190,
            status: 'te bevestigen',
            note: 'ondergrens: alleen de gestarte, nog niet verbeterde woningen (4.590 − 1.400); het totaal aantal slechte woningen staat niet in de brief',
          },
          inProgress: { value: 3190, status: 'te bevestigen', note: '4.590 gestart − bijna 1.400 verbeterd; aangenomen dat de 1.400 onder de 4.590 vallen' },
          improvedToDate: { value: 1400, source: NPLV_LETTER_SOURCE, note: 'bijna 1.400, met het Volkshuisvestingsfonds' },
          capacity: { kind: 'fixed', perYear: { value: 0, status: 'te bevestigen', note: 'nieuwe starts per jaar staan niet in de brief' } },
          leadTimeYears: { low: 1, high: 3, dist: 'triangular', mode: 2, status: 'te bevestigen', note: 'de doorlooptijd staat niet in de brief' },
          newConstruction: {
            pipeline: { value: 15_000, source: NPLV_LETTER_SOURCE, note: 'ongeveer 15.000, met de Woningbouwimpuls en Startbouwimpuls' },
            realisationPct: { value: 100, status: 'te bevestigen', note: 'de brief noemt geen realisatiegraad' },
            from: 2025,
            to: 2030,
            status: 'te bevestigen',
            note: 'oplevering vlak over 2025–2030 aangenomen',
          },
          targetRemaining: 0,
        },
      ],
    },
  },
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES);

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
}

export function listTemplates(): TemplateInfo[] {
  return Object.values(TEMPLATES).map((t) => ({ id: t.id, name: t.name, description: t.description ?? '' }));
}

/** A fresh copy of a template as written (defaults not applied), or undefined. */
export function findTemplate(id: string): ScenarioDefinitionInput | undefined {
  // Own keys only: "constructor" or "toString" is no template (found by contract fuzzing).
  const t = Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id] : undefined;
  return t ? structuredClone(t) : undefined;
}

/** A template as a validated definition. Throws AppError('NOT_FOUND') for an unknown id. */
export function getTemplate(id: string): ScenarioDefinition {
  const t = findTemplate(id);
  if (!t) throw new AppError('NOT_FOUND', `No scenario template "${id}" (known: ${TEMPLATE_IDS.join(', ')})`);
  return parseScenarioDefinition(t);
}
