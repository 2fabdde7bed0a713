import { useMemo, useState } from 'react';
import type { ImportPreview } from '../../../shared/contract/import';
import type { MeasureChoice } from '../../../shared/contract/import-choices';
import { UnitCode } from '../../../shared/domain/numbers/units';
import { useCall } from '../../ui/use-call';
import { nl, UNIT_NL } from './labels';

const VIA_NL: Record<string, string> = { code: 'CBS-code', statline: 'StatLine-naam', name: 'naam', fuzzy: 'lijkt op', new: 'nieuw', recipe: 'opgeslagen koppeling' };
const SHOW = 300;

/** Step 4: each column (or variable, or row) → an indicator with its unit; new indicators are flagged for review. */
export function MappingStep({ preview, measures, onMeasures }: { preview: ImportPreview; measures: Record<string, MeasureChoice>; onMeasures: (m: Record<string, MeasureChoice>) => void }) {
  const [filter, setFilter] = useState('');
  const [indicators] = useCall('import.indicators', {});
  const known = useMemo(() => new Map(indicators.status === 'ok' ? indicators.value.map((i) => [i.code, i]) : []), [indicators]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? preview.measures.filter((m) => `${m.label} ${m.indicator.code} ${m.indicator.name}`.toLowerCase().includes(f)) : preview.measures;
  }, [preview.measures, filter]);
  const choose = (key: string, patch: Partial<MeasureChoice>): void => onMeasures({ ...measures, [key]: { ...measures[key], key, ...patch } });

  if (preview.layout === 'dictionary') return <Definitions preview={preview} />;
  if (preview.layout === 'composition') return <Composition preview={preview} />;

  const toName = preview.measures.filter((m) => m.toName && m.include).length;
  const where = preview.layout === 'transposed' ? 'Rij' : preview.layout === 'long' ? 'Variabele' : 'Kolom';
  return (
    <div className="step">
      <h2>Koppeling</h2>
      <p className="muted">
        Welke indicator staat in elke {preview.layout === 'transposed' ? 'rij' : preview.layout === 'long' ? 'variabele' : 'kolom'}, in welke eenheid. Een code uit de CBS-lijst (zoals a_inw) of een indicator die al in het
        project staat; een nieuwe code maakt een nieuwe indicator, gemarkeerd om te beoordelen.
      </p>
      {toName > 0 && (
        <p className="notice warn" role="status" data-testid="to-name">
          {toName === 1 ? '1 kolom heeft' : `${nl(toName)} kolommen hebben`} dezelfde kop als een andere kolom, of geen kop. Elke kolom wordt een eigen indicator, voorlopig genoemd
          naar de kop en de kolomletter (zoals &ldquo;Aantal (kolom D)&rdquo;); niets wordt samengevoegd. Geef ze hieronder bij Naam een naam.
        </p>
      )}
      {preview.measures.length > 12 && (
        <input className="text-input w-lg" placeholder="Zoek een kolom of indicator…" aria-label="Zoek een kolom of indicator" value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      <datalist id="indicator-codes">
        {indicators.status === 'ok' && indicators.value.map((i) => <option key={i.code} value={i.code}>{i.name}</option>)}
      </datalist>
      <div className="table-scroll tall-scroll">
        <table className="figures dense mapping-table sticky-head">
          <thead>
            <tr>
              <th>{where}</th>
              <th>In het bestand</th>
              <th>Indicator</th>
              <th>Naam</th>
              <th>Eenheid</th>
              <th className="num">Getallen</th>
              <th className="num">Tekens</th>
              <th className="num">Geen getal</th>
              <th>Importeren</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOW).map((m) => (
              <tr key={m.key} className={m.include ? '' : 'excluded'}>
                <td className="mono">{m.column ?? (m.row !== undefined ? String(m.row) : '')}</td>
                <td className="label-cell" title={m.label}>
                  {m.label}
                  {m.period && <span className="muted"> ({m.period})</span>}
                </td>
                <td>
                  <input
                    className="text-input w-md mono"
                    list="indicator-codes"
                    aria-label={`Indicator voor ${m.label}`}
                    defaultValue={m.indicator.code}
                    key={m.indicator.code}
                    onBlur={(e) => {
                      const code = e.target.value.trim();
                      if (code && code !== m.indicator.code && /^[a-z][a-z0-9_]{0,63}$/.test(code)) choose(m.key, { indicator: code });
                    }}
                  />
                  <div className="small">
                    <span className={m.indicator.isNew ? 'badge confirm-badge' : 'badge'}>{m.indicator.isNew ? 'nieuw, te beoordelen' : VIA_NL[m.indicator.via] ?? m.indicator.via}</span>
                    {m.indicator.via === 'fuzzy' && <span className="muted"> controleer</span>}
                  </div>
                </td>
                <td className="label-cell">
                  {m.indicator.isNew ? (
                    <input
                      className={m.toName ? 'text-input w-md needs-name' : 'text-input w-md'}
                      aria-label={`Naam voor ${m.label || `kolom ${m.column ?? ''}`}`}
                      defaultValue={m.indicator.name}
                      key={m.indicator.name}
                      onBlur={(e) => {
                        const name = e.target.value.trim();
                        if (name && name !== m.indicator.name) choose(m.key, { name });
                      }}
                    />
                  ) : (
                    known.get(m.indicator.code)?.name ?? m.indicator.name
                  )}
                  {m.toName && <div className="small warn">{m.toName === 'empty_header' ? 'geen kop: geef een naam' : 'dezelfde kop als een andere kolom: geef een naam'}</div>}
                </td>
                <td>
                  <select className="select" aria-label={`Eenheid van ${m.label}`} value={m.unit} onChange={(e) => choose(m.key, { unit: e.target.value as MeasureChoice['unit'] })}>
                    {UnitCode.options.map((u) => (
                      <option key={u} value={u}>
                        {UNIT_NL[u] ?? u}
                      </option>
                    ))}
                  </select>
                  {m.scale !== 1 && <div className="small muted">× {nl(m.scale)}</div>}
                </td>
                <td className="num">{nl(m.counts.numbers)}</td>
                <td className="num">{nl(m.counts.signs)}</td>
                <td className={m.counts.invalid > 0 ? 'num warn' : 'num'}>{nl(m.counts.invalid)}</td>
                <td>
                  <label className="check">
                    <input type="checkbox" checked={m.include} onChange={(e) => choose(m.key, { include: e.target.checked })} aria-label={`${m.label} importeren`} />
                    {m.include ? 'ja' : m.excludedBecause === 'the column is empty throughout' ? 'nee (leeg)' : 'nee'}
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > SHOW && <p className="muted small">De eerste {SHOW} van {nl(shown.length)}; zoek om de andere te zien.</p>}
    </div>
  );
}

function Definitions({ preview }: { preview: ImportPreview }) {
  const d = preview.definitions;
  return (
    <div className="step">
      <h2>Koppeling: definities</h2>
      <p>
        Dit bestand is een woordenlijst van variabelen. Er worden geen cijfers geïmporteerd, wel {nl(d?.total ?? 0)} definities ({nl(d?.new ?? 0)} nieuwe indicatoren, gemarkeerd om te beoordelen).
      </p>
      <div className="table-scroll">
        <table className="figures dense">
          <thead>
            <tr>
              <th>Cel</th>
              <th>Variabele</th>
              <th>Naam</th>
              <th>Eenheid</th>
              <th>Bron</th>
              <th>Definitie</th>
            </tr>
          </thead>
          <tbody>
            {d?.sample.map((x) => (
              <tr key={x.cell}>
                <td className="mono">{x.cell}</td>
                <td className="mono">{x.code}</td>
                <td>{x.name}</td>
                <td>{x.unitCode ? UNIT_NL[x.unitCode] : (x.unit ?? '')}</td>
                <td>{x.source}</td>
                <td className="definition-cell">{x.definition}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Composition({ preview }: { preview: ImportPreview }) {
  const c = preview.composition;
  return (
    <div className="step">
      <h2>Koppeling: samenstelling van focusgebieden</h2>
      <p>
        Dit bestand zegt uit welke wijken of buurten de focusgebieden bestaan: {nl(c?.total ?? 0)} regels voor {nl(c?.focusAreas.length ?? 0)} focusgebieden. Ze worden opgeslagen als voorstel; u bevestigt ze later.
      </p>
      <table className="figures dense narrow">
        <thead>
          <tr>
            <th>Focusgebied</th>
            <th>Code</th>
            <th className="num">Wijken/buurten</th>
          </tr>
        </thead>
        <tbody>
          {c?.focusAreas.map((f) => (
            <tr key={f.label}>
              <td>{f.label}</td>
              <td className="mono">{f.code ?? <span className="warn">onbekend</span>}</td>
              <td className="num">{nl(f.members)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
