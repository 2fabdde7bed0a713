import type { Indicator } from '../../../../shared/contract/model';
import type { NumParam } from '../../../../shared/domain/scenario';
import type { Stream } from './draft';
import { updated } from './draft';
import { ParamField, Row, Select, UNITS } from './fields';
import { problemsAt, type Problem } from './validation-nl';

/** A need key: indicators with a direction and a weight, optionally scaled by population. */
type NeedKey = Extract<Stream['allocation'], { kind: 'need' }>;

export function NeedEditor({ indicators, keyDef, path, problems, onChange }: { indicators: readonly Indicator[]; keyDef: NeedKey; path: string; problems: readonly Problem[]; onChange: (k: NeedKey) => void }) {
  const set = (change: (k: NeedKey) => void) => onChange(updated(keyDef, change));
  return (
    <div className="need-editor">
      {keyDef.indicators.map((ind, i) => (
        <div key={i} className="need-row">
          <Row label={`Indicator ${i + 1}`} problems={problemsAt(problems, `${path}.indicators[${i}].code`)}>
            <Select
              label={`Indicator ${i + 1}`}
              value={ind.code}
              options={[...(indicators.some((x) => x.code === ind.code) ? [] : [{ value: ind.code, label: ind.code || '(kies een indicator)' }]), ...indicators.map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))]}
              onChange={(v) => set((k) => ((k.indicators[i] as NeedKey['indicators'][number]).code = v))}
            />
            <Select
              label={`Richting indicator ${i + 1}`}
              value={ind.direction}
              options={[
                { value: 'higher-is-more-need', label: 'hoger = meer behoefte' },
                { value: 'lower-is-more-need', label: 'lager = meer behoefte' },
              ]}
              onChange={(v) => set((k) => ((k.indicators[i] as NeedKey['indicators'][number]).direction = v))}
            />
            {keyDef.indicators.length > 1 && (
              <button type="button" className="link-button" onClick={() => set((k) => k.indicators.splice(i, 1))}>
                verwijderen
              </button>
            )}
          </Row>
          <ParamField label="Gewicht" path={`${path}.indicators[${i}].weight`} param={ind.weight} unit={UNITS.weight} problems={problems} onChange={(p: NumParam | undefined) => set((k) => ((k.indicators[i] as NeedKey['indicators'][number]).weight = p ?? Number.NaN))} />
        </div>
      ))}
      <Row label="">
        <button type="button" className="link-button" onClick={() => set((k) => k.indicators.push({ code: indicators[0]?.code ?? '', weight: 1, direction: 'higher-is-more-need' }))}>
          + indicator
        </button>
        <label className="check">
          <input type="checkbox" checked={keyDef.scaleByPopulation} onChange={(e) => set((k) => (k.scaleByPopulation = e.target.checked))} />
          behoefte per inwoner (maal inwonertal)
        </label>
      </Row>
      <p className="form-hint">Elke indicator wordt gedeeld door zijn gemiddelde over de gebieden; de waarden komen uit de opslag (laatste periode).</p>
    </div>
  );
}
