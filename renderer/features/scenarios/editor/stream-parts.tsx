import type { Area, Indicator } from '../../../../shared/contract/model';
import { centralValue } from '../../../../shared/domain/scenario';
import type { Stream } from './draft';
import { NeedEditor } from './NeedEditor';
import { NumberInput, ParamField, Provenance, Row, Select, UNITS, YearInput } from './fields';
import { problemsAt, type Problem } from './validation-nl';

/** The parts of one funding stream's card (StreamEditor): amount, the rule after its end, the allocation. */

/** What every part gets: the stream, its problems, and how to change it. */
export interface StreamPartProps {
  stream: Stream;
  /** The validation path of one of this stream's fields: at('.amount.total') → "streams[0].amount.total". */
  at: (path: string) => string;
  problems: readonly Problem[];
  set: (change: (s: Stream) => void) => void;
}

type AfterKind = Stream['afterEnd']['kind'];
type AllocKind = Stream['allocation']['kind'];

const AFTER: { value: AfterKind; label: string }[] = [
  { value: 'stop', label: 'stopt' },
  { value: 'continue', label: 'loopt door op een percentage' },
  { value: 'taper', label: 'wordt lineair afgebouwd' },
  { value: 'bundle', label: 'gaat op in een andere regeling' },
];

const ALLOC: { value: AllocKind; label: string }[] = [
  { value: 'equal', label: 'gelijk over de gebieden' },
  { value: 'population', label: 'naar inwonertal' },
  { value: 'explicit', label: 'bedragen per gebied' },
  { value: 'need', label: 'naar behoefte-index (indicatoren)' },
];

type MuniKind = 'none' | 'equal' | 'population';

/** Total or yearly amount, its period, the programme's share and indexation. */
export function StreamAmount({ stream, at, problems, set }: StreamPartProps) {
  const a = stream.amount;
  return (
    <>
      <Row label="Soort bedrag" problems={problemsAt(problems, at('.amount.kind'))}>
        <Select
          label="Soort bedrag"
          value={a.kind}
          options={[
            { value: 'total', label: 'totaal over een periode' },
            { value: 'perYear', label: 'bedrag per jaar' },
          ]}
          onChange={(kind) =>
            set((s) => {
              // Keep the money: a total becomes its flat yearly amount, and back.
              const from = s.amount.from;
              const to = s.amount.to ?? from + 2;
              const years = to - from + 1;
              if (kind === s.amount.kind) return;
              s.amount =
                s.amount.kind === 'total'
                  ? { kind: 'perYear', perYear: centralValue(s.amount.total) / years, from, to }
                  : { kind: 'total', total: centralValue(s.amount.perYear) * years, from, to };
            })
          }
        />
      </Row>
      {a.kind === 'total' ? (
        <ParamField label="Totaalbedrag" path={at('.amount.total')} param={a.total} unit={UNITS.mln} problems={problems} onChange={(p) => set((s) => s.amount.kind === 'total' && (s.amount.total = p ?? Number.NaN))} hint="Vlak verdeeld over de jaren van de periode; binnen de periode niet geïndexeerd." />
      ) : (
        <ParamField label="Bedrag per jaar" path={at('.amount.perYear')} param={a.perYear} unit={UNITS.mln} problems={problems} onChange={(p) => set((s) => s.amount.kind === 'perYear' && (s.amount.perYear = p ?? Number.NaN))} hint={`In prijzen van ${a.from}.`} />
      )}
      <Row label="Periode" problems={[...problemsAt(problems, at('.amount.from')), ...problemsAt(problems, at('.amount.to'))]} hint={a.kind === 'perYear' ? 'Laat "tot en met" leeg voor een structurele regeling.' : undefined}>
        <YearInput label="Eerste jaar" value={a.from} onChange={(v) => set((s) => (s.amount.from = v ?? Number.NaN))} />
        <span className="dash">tot en met</span>
        <YearInput
          label="Laatste jaar"
          value={a.to}
          optional={a.kind === 'perYear'}
          onChange={(v) =>
            set((s) => {
              if (s.amount.kind === 'total') s.amount.to = v ?? Number.NaN;
              else if (v === undefined) {
                delete s.amount.to;
                s.afterEnd = { kind: 'stop' };
              } else s.amount.to = v;
            })
          }
        />
      </Row>
      <ParamField
        label="Aandeel voor het programma"
        path={at('.programmeSharePct')}
        param={stream.programmeSharePct}
        unit={UNITS.pct}
        problems={problems}
        onChange={(p) => set((s) => (s.programmeSharePct = p ?? Number.NaN))}
        hint="Deel van het bedrag dat naar de NPLV-gebieden of -gemeenten gaat (100% als de regeling alleen voor het programma is)."
      />
      <ParamField
        label="Indexatie"
        path={at('.indexationPctPerYear')}
        param={stream.indexationPctPerYear}
        unit={UNITS.indexation}
        optional
        problems={problems}
        onChange={(p) => set((s) => (p === undefined ? delete s.indexationPctPerYear : (s.indexationPctPerYear = p)))}
        hint="Leeg: geen indexatie."
      />
    </>
  );
}

/** What happens after the last year: stop, continue, taper or bundle, with their parameters. */
export function StreamAfterEnd({ stream, at, problems, set, all }: StreamPartProps & { all: readonly Stream[] }) {
  const a = stream.amount;
  const r = stream.afterEnd;
  const setAfter = (kind: AfterKind) =>
    set((s) => {
      const end = s.amount.to ?? s.amount.from;
      const target = all.find((o) => o.id !== s.id);
      s.afterEnd =
        kind === 'stop'
          ? { kind }
          : kind === 'continue'
            ? { kind, pct: 100, untilYear: end + 3 }
            : kind === 'taper'
              ? { kind, years: 3 }
              : { kind, intoStreamId: target?.id ?? '', pct: 100, adminCostReductionPct: 0 };
    });

  return (
    <>
      {a.to === undefined ? (
        <Row label="Na afloop">
          <span className="muted">Structureel: de regeling heeft geen eindjaar.</span>
        </Row>
      ) : (
        <Row label={`Na ${a.to}`} problems={problemsAt(problems, at('.afterEnd.kind')).concat(problemsAt(problems, at('.afterEnd.intoStreamId')))}>
          <Select label="Regel na afloop" value={r.kind} options={AFTER} onChange={setAfter} />
          {r.kind === 'bundle' && (
            <Select
              label="Opgaan in regeling"
              value={r.intoStreamId}
              options={[{ value: '', label: '(kies een regeling)' }, ...all.filter((o) => o.id !== stream.id).map((o) => ({ value: o.id, label: o.name }))]}
              onChange={(v) => set((s) => s.afterEnd.kind === 'bundle' && (s.afterEnd.intoStreamId = v))}
            />
          )}
        </Row>
      )}
      {a.to !== undefined && <Provenance of={r} />}
      {r.kind === 'continue' && (
        <>
          <ParamField label="Voortzetting" path={at('.afterEnd.pct')} param={r.pct} unit={UNITS.pctOpen} problems={problems} onChange={(p) => set((s) => s.afterEnd.kind === 'continue' && (s.afterEnd.pct = p ?? Number.NaN))} hint={`Percentage van het bedrag in ${a.to}.`} />
          <Row label="Doorlopen tot en met" problems={problemsAt(problems, at('.afterEnd.untilYear'))}>
            <YearInput label="Doorlopen tot en met" value={r.untilYear} onChange={(v) => set((s) => s.afterEnd.kind === 'continue' && (s.afterEnd.untilYear = v ?? Number.NaN))} />
          </Row>
        </>
      )}
      {r.kind === 'taper' && (
        <Row label="Afbouwen in" problems={problemsAt(problems, at('.afterEnd.years'))} hint="Lineair naar nul: bij 3 jaar ¾, ½ en ¼ van het laatste bedrag.">
          <NumberInput label="Aantal jaren afbouw" width="sm" unit={{ label: 'jaar', integer: true }} value={r.years} onChange={(v) => set((s) => s.afterEnd.kind === 'taper' && (s.afterEnd.years = v ?? Number.NaN))} />
          <span className="unit">jaar</span>
        </Row>
      )}
      {r.kind === 'bundle' && (
        <>
          <ParamField label="Voortzetting in de bundel" path={at('.afterEnd.pct')} param={r.pct} unit={UNITS.pctOpen} problems={problems} onChange={(p) => set((s) => s.afterEnd.kind === 'bundle' && (s.afterEnd.pct = p ?? Number.NaN))} />
          <ParamField label="Besparing op apart beheer" path={at('.afterEnd.adminCostReductionPct')} param={r.adminCostReductionPct} unit={UNITS.pct} problems={problems} onChange={(p) => set((s) => s.afterEnd.kind === 'bundle' && (s.afterEnd.adminCostReductionPct = p ?? 0))} />
          <Row label="Gebundeld tot en met" problems={problemsAt(problems, at('.afterEnd.untilYear'))} hint="Leeg: tot het laatste scenariojaar.">
            <YearInput label="Gebundeld tot en met" optional value={r.untilYear} onChange={(v) => set((s) => s.afterEnd.kind === 'bundle' && (v === undefined ? delete s.afterEnd.untilYear : (s.afterEnd.untilYear = v)))} />
          </Row>
        </>
      )}
    </>
  );
}

/** Earmarked per area (and by which key), or only for the municipalities or the programme. */
export function StreamAllocation({ stream, at, problems, set, areas, indicators }: StreamPartProps & { areas: readonly Area[]; indicators: readonly Indicator[] }) {
  const a = stream.amount;
  const key = stream.allocation;
  const explicitUnit = a.kind === 'total' ? `€ mln over ${a.from}–${a.to}` : '€ mln per jaar';
  const setAlloc = (kind: AllocKind) =>
    set((s) => {
      s.allocation =
        kind === 'explicit'
          ? { kind, amounts: Object.fromEntries(areas.map((x) => [x.code, 0])) }
          : kind === 'need'
            ? { kind, indicators: [{ code: indicators[0]?.code ?? '', weight: 1, direction: 'higher-is-more-need' }], scaleByPopulation: false }
            : { kind };
    });

  const muni: MuniKind = stream.municipalityKey ? (stream.municipalityKey.kind === 'explicit' ? 'equal' : stream.municipalityKey.kind) : 'none';

  return (
    <>
      <Row label="Oormerk per gebied" problems={problemsAt(problems, at('.attributableToAreas'))}>
        <label className="check">
          <input
            type="checkbox"
            checked={stream.attributableToAreas}
            onChange={(e) =>
              set((s) => {
                s.attributableToAreas = e.target.checked;
                if (e.target.checked) delete s.municipalityKey;
              })
            }
          />
          Het geld is per gebied toe te rekenen
        </label>
      </Row>
      {stream.attributableToAreas ? (
        <>
          <Row label="Verdeling over gebieden" problems={problemsAt(problems, at('.allocation.kind'))}>
            <Select label="Verdeling over gebieden" value={key.kind} options={ALLOC} onChange={setAlloc} />
          </Row>
          <Provenance of={key} onConfirm={key.status ? () => set((s) => delete s.allocation.status) : undefined} />
          {key.kind === 'explicit' && (
            <div className="explicit-grid" role="group" aria-label="Bedragen per gebied">
              {areas.map((x) => (
                <ParamField
                  key={x.code}
                  label={x.name}
                  path={at(`.allocation.amounts.${x.code}`)}
                  param={key.amounts[x.code]}
                  unit={{ ...UNITS.mln, label: explicitUnit }}
                  optional
                  problems={problems}
                  onChange={(p) =>
                    set((s) => {
                      if (s.allocation.kind !== 'explicit') return;
                      if (p === undefined) delete s.allocation.amounts[x.code];
                      else s.allocation.amounts[x.code] = p;
                    })
                  }
                />
              ))}
              <p className="form-hint">Wat niet aan een gebied is toegewezen, blijft alleen op programmaniveau zichtbaar; het wordt nooit over de gebieden uitgesmeerd.</p>
            </div>
          )}
          {key.kind === 'need' && (
            <NeedEditor
              indicators={indicators}
              keyDef={key}
              path={at('.allocation')}
              problems={problems}
              onChange={(k) => set((s) => (s.allocation = k))}
            />
          )}
        </>
      ) : (
        <Row label="Verdeling over gemeenten" hint="Geld zonder oormerk per gebied verschijnt alleen op programma- en gemeenteniveau, nooit uitgesmeerd over de gebieden.">
          <Select<MuniKind>
            label="Verdeling over gemeenten"
            value={muni}
            options={[
              { value: 'none', label: 'alleen programmaniveau' },
              { value: 'equal', label: 'gelijk over de gemeenten' },
              { value: 'population', label: 'naar inwonertal van de gemeenten' },
            ]}
            onChange={(v) => set((s) => (v === 'none' ? delete s.municipalityKey : (s.municipalityKey = { kind: v })))}
          />
        </Row>
      )}
      {!stream.attributableToAreas && stream.municipalityKey && <Provenance of={stream.municipalityKey} />}
    </>
  );
}
