import { useMemo, useState } from 'react';
import type { Indicator } from '../../../shared/contract/model';
import { unitText } from './cell-format';

export const THEME_LABEL: Record<Indicator['theme'], string> = {
  bevolking: 'Bevolking',
  wonen: 'Wonen',
  meedoen: 'Meedoen',
  financien: 'Financiën',
  veiligheid: 'Veiligheid',
  overig: 'Overig',
};

const THEMES = Object.keys(THEME_LABEL) as Indicator['theme'][];

/** A first choice: people and households (in every KWB edition), then housing and income (in the later ones). */
export const DEFAULT_INDICATORS = ['a_inw', 'a_00_14', 'a_65_oo', 'a_neu_al', 'a_hh', 'a_1p_hh', 'g_hhgro', 'a_woning', 'p_koopw', 'g_ink_pi'];

const AGG_TEXT: Record<Indicator['aggregation'], string> = { sum: 'opgeteld', weighted_mean: 'gewogen gemiddelde', none: 'niet op te tellen' };

/** Which indicators are columns: filter by theme, search by name or code, tick. */
export function IndicatorPicker({ indicators, chosen, onChange }: { indicators: Indicator[]; chosen: string[]; onChange: (codes: string[]) => void }) {
  const [theme, setTheme] = useState<Indicator['theme'] | 'all'>('all');
  const [query, setQuery] = useState('');
  const chosenSet = useMemo(() => new Set(chosen), [chosen]);
  const present = useMemo(() => new Set(indicators.map((i) => i.theme)), [indicators]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hits = indicators.filter((i) => (theme === 'all' || i.theme === theme) && (q === '' || i.code.toLowerCase().includes(q) || i.name.toLowerCase().includes(q)));
    // The chosen ones first, in their column order, so the list says at a glance what the grid shows.
    const order = new Map(chosen.map((c, i) => [c, i]));
    return [...hits.filter((i) => order.has(i.code)).sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0)), ...hits.filter((i) => !order.has(i.code))];
  }, [indicators, theme, query, chosen]);
  // The analyst's order: a new indicator goes to the end (of its theme's group in the grid).
  const toggle = (code: string): void => onChange(chosenSet.has(code) ? chosen.filter((c) => c !== code) : [...chosen, code]);
  const addShown = (): void => onChange([...chosen, ...shown.map((i) => i.code).filter((c) => !chosenSet.has(c))]);
  return (
    <div className="indicator-picker">
      <div className="theme-chips" role="group" aria-label="Thema">
        <button type="button" aria-pressed={theme === 'all'} onClick={() => setTheme('all')}>
          Alle
        </button>
        {THEMES.filter((t) => present.has(t)).map((t) => (
          <button key={t} type="button" aria-pressed={theme === t} onClick={() => setTheme(t)}>
            {THEME_LABEL[t]}
          </button>
        ))}
      </div>
      <input className="text-input picker-search" type="search" placeholder="Zoek op naam of code" aria-label="Zoek indicatoren op naam of code" value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="picker-actions small">
        <span className="muted">
          {chosen.length} gekozen van {indicators.length}
        </span>
        <span className="nowrap">
          <button type="button" className="link-button" onClick={addShown} disabled={shown.length === 0} title="Alle indicatoren die nu in de lijst staan kiezen">
            Lijst kiezen
          </button>{' '}
          <button type="button" className="link-button" onClick={() => onChange([])} disabled={chosen.length === 0}>
            Wissen
          </button>
        </span>
      </div>
      <ul className="picker-list" aria-label="Indicatoren">
        {shown.length === 0 && <li className="muted small">Geen indicator met “{query}”.</li>}
        {shown.map((i) => (
          <li key={i.code}>
            <label title={`${i.code} · ${unitText(i.unit)} · ${AGG_TEXT[i.aggregation]}${i.weightIndicatorCode ? ` naar ${i.weightIndicatorCode}` : ''}${i.definition ? `\n${i.definition}` : ''}`}>
              <input type="checkbox" checked={chosenSet.has(i.code)} onChange={() => toggle(i.code)} />
              <span className="picker-text">
                <span className="picker-name">{i.name}</span>
                <span className="mono picker-code">
                  {i.code} · {unitText(i.unit)}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
