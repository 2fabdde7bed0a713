import type { Area } from '../../../../shared/contract/model';
import type { NumParam, ScenarioDefinition, TenureMix } from '../../../../shared/domain/scenario';
import type { HousingAreaDraft, Stream } from './draft';
import { newHousingArea, updated } from './draft';
import { ParamField, Provenance, Row, Select, UNITS, YearInput } from './fields';
import { problemsAt, type Problem } from './validation-nl';

type Housing = NonNullable<ScenarioDefinition['housing']>;
type CapKind = HousingAreaDraft['capacity']['kind'];

const MIX: TenureMix = { socialPct: 40, privatePct: 20, ownerPct: 40, status: 'te bevestigen', note: 'verdeling naar eigendom aangenomen' };

/** Housing improvement per area: poor-quality dwellings, capacity, lead time, new construction, demolition. */
export function HousingEditor({
  housing,
  years,
  streams,
  areas,
  problems,
  onChange,
}: {
  housing: Housing;
  years: { from: number; to: number };
  streams: readonly Stream[];
  areas: readonly Area[];
  problems: readonly Problem[];
  onChange: (h: Housing | undefined) => void;
}) {
  const set = (change: (h: Housing) => void) => onChange(updated(housing, change));
  const used = new Set(housing.areas.map((a) => a.areaCode));
  const choices = [{ value: 'NPLV', label: 'Programma als geheel (NPLV)' }, ...areas.map((a) => ({ value: a.code, label: a.name }))];
  return (
    <div className="housing-editor">
      <Row
        label="Startjaar en horizon"
        problems={[...problemsAt(problems, 'housing.startYear'), ...problemsAt(problems, 'housing.horizon')]}
        hint={`Leeg: ${years.from} en ${years.to} (de jaren van het scenario).`}
      >
        <YearInput label="Startjaar woningen" optional value={housing.startYear} onChange={(v) => set((h) => (v === undefined ? delete h.startYear : (h.startYear = v)))} />
        <span className="dash">tot en met</span>
        <YearInput label="Horizon woningen" optional value={housing.horizon} onChange={(v) => set((h) => (v === undefined ? delete h.horizon : (h.horizon = v)))} />
      </Row>
      {housing.areas.map((area, i) => (
        <AreaEditor
          key={i}
          area={area}
          index={i}
          choices={choices.filter((c) => c.value === area.areaCode || !used.has(c.value))}
          streams={streams}
          problems={problems}
          onChange={(a) => set((h) => (h.areas[i] = a))}
          onRemove={() => (housing.areas.length === 1 ? onChange(undefined) : set((h) => h.areas.splice(i, 1)))}
        />
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          const free = choices.find((c) => !used.has(c.value));
          if (free) set((h) => h.areas.push(newHousingArea(free.value)));
        }}
      >
        + Gebied voor woningen
      </button>
    </div>
  );
}

function AreaEditor({
  area,
  index,
  choices,
  streams,
  problems,
  onChange,
  onRemove,
}: {
  area: HousingAreaDraft;
  index: number;
  choices: { value: string; label: string }[];
  streams: readonly Stream[];
  problems: readonly Problem[];
  onChange: (a: HousingAreaDraft) => void;
  onRemove: () => void;
}) {
  const at = (p: string) => `housing.areas[${index}]${p}`;
  const set = (change: (a: HousingAreaDraft) => void) => onChange(updated(area, change));
  const cap = area.capacity;
  const nc = area.newConstruction;
  const dem = area.demolition;
  const param = (label: string, path: string, p: NumParam | undefined, unit: (typeof UNITS)[keyof typeof UNITS], write: (a: HousingAreaDraft, v: NumParam) => void, hint?: string, optional = false) => (
    <ParamField label={label} path={at(path)} param={p} unit={unit} problems={problems} optional={optional} hint={hint} onChange={(v) => set((a) => write(a, v ?? Number.NaN))} />
  );
  const setCap = (kind: CapKind) =>
    set((a) => {
      a.capacity =
        kind === 'fixed'
          ? { kind, perYear: 0 }
          : kind === 'budget'
            ? { kind, budgetPerYear: 0, costPerDwelling: 50_000 }
            : { kind, streamId: streams[0]?.id ?? '', sharePct: 100, costPerDwelling: 50_000 };
    });
  return (
    <fieldset className="stream-card" aria-label={`Woningen ${index + 1}: ${area.areaCode}`}>
      <legend>Woningen {choices.find((c) => c.value === area.areaCode)?.label ?? area.areaCode}</legend>
      <Row label="Gebied" problems={problemsAt(problems, at('.areaCode'))}>
        <Select label="Gebied voor woningen" value={area.areaCode} options={choices} onChange={(v) => set((a) => (a.areaCode = v))} />
      </Row>
      <Provenance of={area} />
      {param('Slechte woningen bij de start', '.poorQuality', area.poorQuality, UNITS.dwellings, (a, v) => (a.poorQuality = v), 'Inclusief woningen waarvan de verbetering al loopt.')}
      {param('Waarvan in uitvoering', '.inProgress', area.inProgress, UNITS.dwellings, (a, v) => (a.inProgress = v), 'Worden gelijkmatig opgeleverd binnen de doorlooptijd.')}
      {param('Al verbeterd vóór de start', '.improvedToDate', area.improvedToDate, UNITS.dwellings, (a, v) => (a.improvedToDate = v))}
      <Row label="Capaciteit" problems={problemsAt(problems, at('.capacity.kind'))}>
        <Select
          label="Soort capaciteit"
          value={cap.kind}
          options={[
            { value: 'fixed', label: 'vast aantal starts per jaar' },
            { value: 'budget', label: 'budget ÷ kosten per woning' },
            { value: 'stream', label: 'uit een regeling van dit scenario' },
          ]}
          onChange={setCap}
        />
        {cap.kind === 'stream' && (
          <Select
            label="Regeling voor woningen"
            value={cap.streamId}
            options={[...(streams.some((s) => s.id === cap.streamId) ? [] : [{ value: cap.streamId, label: '(kies een regeling)' }]), ...streams.map((s) => ({ value: s.id, label: s.name }))]}
            onChange={(v) => set((a) => a.capacity.kind === 'stream' && (a.capacity.streamId = v))}
          />
        )}
      </Row>
      <Provenance of={cap} />
      {cap.kind === 'fixed' && param('Starts per jaar', '.capacity.perYear', cap.perYear, UNITS.dwellingsPerYear, (a, v) => a.capacity.kind === 'fixed' && (a.capacity.perYear = v))}
      {cap.kind === 'budget' && param('Budget per jaar', '.capacity.budgetPerYear', cap.budgetPerYear, UNITS.mln, (a, v) => a.capacity.kind === 'budget' && (a.capacity.budgetPerYear = v))}
      {cap.kind === 'stream' &&
        param('Aandeel van de regeling', '.capacity.sharePct', cap.sharePct, UNITS.pct, (a, v) => a.capacity.kind === 'stream' && (a.capacity.sharePct = v), 'Stopt de regeling, dan stoppen de starts; opleveringen stoppen een doorlooptijd later.')}
      {cap.kind !== 'fixed' && param('Kosten per woning', '.capacity.costPerDwelling', cap.costPerDwelling, { label: '€ per woning', min: 0 }, (a, v) => a.capacity.kind !== 'fixed' && (a.capacity.costPerDwelling = v))}
      {param('Doorlooptijd', '.leadTimeYears', area.leadTimeYears, UNITS.years, (a, v) => (a.leadTimeYears = v), 'Van start tot oplevering.')}
      {param('Doel: ten hoogste', '.targetRemaining', area.targetRemaining, UNITS.dwellings, (a, v) => (a.targetRemaining = v), 'Resterende slechte woningen; het doeljaar is het eerste jaar dat dit bereikt is.')}

      <Row label="Nieuwbouw">
        <label className="check">
          <input
            type="checkbox"
            checked={nc !== undefined}
            onChange={(e) =>
              set((a) => {
                if (e.target.checked) a.newConstruction = { pipeline: 0, realisationPct: 100, from: 2025, to: 2030, ...(a.stock ? { tenureMix: MIX } : {}) };
                else delete a.newConstruction;
              })
            }
          />
          woningen in voorbereiding opleveren
        </label>
      </Row>
      {nc && (
        <>
          <Provenance of={nc} />
          {param('In voorbereiding', '.newConstruction.pipeline', nc.pipeline, UNITS.dwellings, (a, v) => a.newConstruction && (a.newConstruction.pipeline = v))}
          {param('Realisatie', '.newConstruction.realisationPct', nc.realisationPct, UNITS.pct, (a, v) => a.newConstruction && (a.newConstruction.realisationPct = v))}
          <Row label="Oplevering" problems={[...problemsAt(problems, at('.newConstruction.from')), ...problemsAt(problems, at('.newConstruction.to'))]} hint="Vlak verdeeld over de jaren.">
            <YearInput label="Oplevering vanaf" value={nc.from} onChange={(v) => set((a) => a.newConstruction && (a.newConstruction.from = v ?? Number.NaN))} />
            <span className="dash">tot en met</span>
            <YearInput label="Oplevering tot en met" value={nc.to} onChange={(v) => set((a) => a.newConstruction && (a.newConstruction.to = v ?? Number.NaN))} />
          </Row>
        </>
      )}
      <Row label="Sloop">
        <label className="check">
          <input
            type="checkbox"
            checked={dem !== undefined}
            onChange={(e) =>
              set((a) => {
                if (e.target.checked) a.demolition = { perYear: 0, from: 2025, to: 2030, poorQualitySharePct: 0, ...(a.stock ? { tenureMix: MIX } : {}) };
                else delete a.demolition;
              })
            }
          />
          woningen slopen
        </label>
      </Row>
      {dem && (
        <>
          {param('Sloop per jaar', '.demolition.perYear', dem.perYear, UNITS.dwellingsPerYear, (a, v) => a.demolition && (a.demolition.perYear = v))}
          {param('Waarvan slechte woningen', '.demolition.poorQualitySharePct', dem.poorQualitySharePct, UNITS.pct, (a, v) => a.demolition && (a.demolition.poorQualitySharePct = v))}
          <Row label="Sloopjaren" problems={[...problemsAt(problems, at('.demolition.from')), ...problemsAt(problems, at('.demolition.to'))]}>
            <YearInput label="Sloop vanaf" value={dem.from} onChange={(v) => set((a) => a.demolition && (a.demolition.from = v ?? Number.NaN))} />
            <span className="dash">tot en met</span>
            <YearInput label="Sloop tot en met" value={dem.to} onChange={(v) => set((a) => a.demolition && (a.demolition.to = v ?? Number.NaN))} />
          </Row>
        </>
      )}
      <Row label="Voorraad naar eigendom" hint="Nodig voor de voorraad per eigendom en het aandeel sociale huur in de uitkomst.">
        <label className="check">
          <input
            type="checkbox"
            checked={area.stock !== undefined}
            onChange={(e) =>
              set((a) => {
                if (e.target.checked) {
                  a.stock = { social: 0, private: 0, owner: 0 };
                  if (a.newConstruction && !a.newConstruction.tenureMix) a.newConstruction.tenureMix = MIX;
                  if (a.demolition && !a.demolition.tenureMix) a.demolition.tenureMix = MIX;
                } else delete a.stock;
              })
            }
          />
          voorraad opgeven
        </label>
      </Row>
      {area.stock && (
        <>
          {param('Sociale huur', '.stock.social', area.stock.social, UNITS.dwellings, (a, v) => a.stock && (a.stock.social = v))}
          {param('Particuliere huur', '.stock.private', area.stock.private, UNITS.dwellings, (a, v) => a.stock && (a.stock.private = v))}
          {param('Koop', '.stock.owner', area.stock.owner, UNITS.dwellings, (a, v) => a.stock && (a.stock.owner = v))}
          {nc?.tenureMix && <MixFields title="Nieuwbouw naar eigendom" mix={nc.tenureMix} path={at('.newConstruction.tenureMix')} problems={problems} onChange={(m) => set((a) => a.newConstruction && (a.newConstruction.tenureMix = m))} />}
          {dem?.tenureMix && <MixFields title="Sloop naar eigendom" mix={dem.tenureMix} path={at('.demolition.tenureMix')} problems={problems} onChange={(m) => set((a) => a.demolition && (a.demolition.tenureMix = m))} />}
        </>
      )}
      <FieldProblems problems={problemsAt(problems, at('.newConstruction.tenureMix')).filter((p) => p.path === at('.newConstruction.tenureMix'))} />
      <div className="card-actions">
        <button type="button" className="link-button" onClick={onRemove}>
          Verwijderen
        </button>
      </div>
    </fieldset>
  );
}

function MixFields({ title, mix, path, problems, onChange }: { title: string; mix: TenureMix; path: string; problems: readonly Problem[]; onChange: (m: TenureMix) => void }) {
  const set = (change: (m: TenureMix) => void) => onChange(updated(mix, change));
  return (
    <div className="mix">
      <div className="mix-title">{title}</div>
      <Provenance of={mix} onConfirm={mix.status ? () => set((m) => delete m.status) : undefined} />
      <ParamField label="Sociale huur" path={`${path}.socialPct`} param={mix.socialPct} unit={UNITS.pct} problems={problems} onChange={(v) => set((m) => (m.socialPct = v ?? Number.NaN))} />
      <ParamField label="Particuliere huur" path={`${path}.privatePct`} param={mix.privatePct} unit={UNITS.pct} problems={problems} onChange={(v) => set((m) => (m.privatePct = v ?? Number.NaN))} />
      <ParamField label="Koop" path={`${path}.ownerPct`} param={mix.ownerPct} unit={UNITS.pct} problems={problems} onChange={(v) => set((m) => (m.ownerPct = v ?? Number.NaN))} />
    </div>
  );
}

function FieldProblems({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-errors" role="alert">
      {problems.map((p) => (
        <li key={p.path + p.message}>{p.message}</li>
      ))}
    </ul>
  );
}
