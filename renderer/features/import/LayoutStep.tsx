import { useEffect, useState } from 'react';
import type { ImportPreview } from '../../../shared/contract/import';
import { useCall } from '../../ui/use-call';
import { LAYOUT_LABEL, nl, periodText } from './labels';
import type { Options } from './types';

const rows = (list: number[]): string => (list.length === 0 ? 'geen' : list.length > 3 ? `${list[0]}–${list[list.length - 1]}` : list.join(', '));

/** Step 3: the table as detected — layout, header rows, period, decimal sign, saved mapping — each overridable. */
export function LayoutStep({ preview, options, onOptions }: { preview: ImportPreview; options: Options; onOptions: (o: Options) => void }) {
  const t = preview.table;
  const [header, setHeader] = useState(t.headerRows.join(', '));
  const [period, setPeriod] = useState(options.period ?? '');
  const [mappings] = useCall('mappings.list', {});
  useEffect(() => setHeader(t.headerRows.join(', ')), [t.headerRows]);

  const applyHeader = (): void => {
    const list = header.split(/[,\s]+/).filter(Boolean).map(Number);
    if (list.length > 0 && list.every((n) => Number.isInteger(n) && n > 0)) onOptions({ ...options, headerRows: list });
  };
  const periodValid = period === '' || /^(19|20)\d{2}(-(19|20)\d{2})?$/.test(period);

  return (
    <div className="step">
      <h2>Indeling</h2>
      <p className="muted">Zo leest Wijkverkenner de tabel. Klopt iets niet, pas het dan hier aan; het voorbeeld volgt.</p>
      <div className="form-grid">
        <label htmlFor="imp-layout">Indeling</label>
        <div>
          <select id="imp-layout" className="select w-xl" value={options.layout ?? ''} onChange={(e) => onOptions({ ...options, layout: (e.target.value || undefined) as Options['layout'] })}>
            <option value="">Herkend: {LAYOUT_LABEL[preview.layout]}</option>
            {Object.entries(LAYOUT_LABEL).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>

        <label htmlFor="imp-header">Kopregel(s)</label>
        <div className="form-inline">
          <input id="imp-header" className="text-input w-md" value={header} onChange={(e) => setHeader(e.target.value)} onBlur={applyHeader} onKeyDown={(e) => e.key === 'Enter' && applyHeader()} />
          <span className="form-hint">rijnummers zoals in het bestand, bijvoorbeeld 4, 5 voor een kop over twee rijen</span>
        </div>

        <span>Tabel</span>
        <div>
          <ul className="plain-list">
            <li>titelregels: {rows(t.titleRows)}{t.titles.length > 0 && <span className="muted"> — “{t.titles[0]}”</span>}</li>
            <li>
              gegevens: rij {nl(t.firstDataRow)} tot en met {nl(t.lastDataRow)} ({nl(preview.rowsRead)} {preview.layout === 'transposed' ? 'indicatoren' : preview.layout === 'dictionary' ? 'definities' : 'rijen'})
            </li>
            <li>voetnoten: {rows(t.footnoteRows)}{t.footnotes.length > 0 && <span className="muted"> — “{t.footnotes[0]}”</span>}</li>
            {t.emptyColumns.length > 0 && <li>lege kolommen: {t.emptyColumns.join(', ')}</li>}
          </ul>
        </div>

        {preview.layout !== 'dictionary' && preview.layout !== 'composition' && (
          <>
            <label htmlFor="imp-period">Periode</label>
            <div className="form-inline">
              <span>{periodText(preview.period)}</span>
              <input
                id="imp-period"
                className={periodValid ? 'text-input w-md' : 'text-input w-md invalid'}
                placeholder="bijv. 2024"
                value={period}
                onChange={(e) => setPeriod(e.target.value.trim())}
                onBlur={() => periodValid && onOptions({ ...options, period: period || undefined })}
              />
              <span className="form-hint">een jaar (2024) of reeks (2023-2025) voor alle cijfers</span>
            </div>

            <label htmlFor="imp-dec">Decimaalteken</label>
            <div>
              <select id="imp-dec" className="select" value={options.decimalSeparator ?? ''} onChange={(e) => onOptions({ ...options, decimalSeparator: (e.target.value || undefined) as Options['decimalSeparator'] })}>
                <option value="">Herkend: {preview.decimalSeparator === ',' ? 'komma (1,5)' : preview.decimalSeparator === '.' ? 'punt (1.5)' : 'niet nodig (geen getallen als tekst met decimalen)'}</option>
                <option value=",">komma (1,5 en 1.400)</option>
                <option value=".">punt (1.5 en 1,400)</option>
              </select>
            </div>

            <span>CBS-tekens</span>
            <div>
              {preview.conventions.zeroIsLessThanHalfUnit ? 'Een 0 betekent “minder dan de helft van de eenheid”; een - is nihil.' : 'Een 0 is nul.'}{' '}
              {preview.conventions.emptyMeans === 'cannot_occur' ? 'Een lege cel betekent “kan niet voorkomen”.' : 'Een lege cel betekent “onbekend”.'}
            </div>
          </>
        )}

        <label htmlFor="imp-mapping">Opgeslagen koppeling</label>
        <div>
          <select id="imp-mapping" className="select w-lg" value={options.mapping ?? 'auto'} onChange={(e) => onOptions({ ...options, mapping: e.target.value })}>
            <option value="auto">Automatisch (zelfde vorm){preview.recipeMatch.name ? `: ${preview.recipeMatch.name}` : ''}</option>
            <option value="none">Geen: alleen herkenning</option>
            {mappings.status === 'ok' &&
              mappings.value.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
          </select>
          <p className="form-hint">
            {preview.recipeMatch.name
              ? `Koppeling “${preview.recipeMatch.name}” is toegepast${preview.recipeMatch.how === 'similar' ? ' (bijna dezelfde vorm)' : ''}.`
              : 'Geen opgeslagen koppeling van deze vorm; na het importeren wordt deze koppeling bewaard voor de volgende keer.'}
          </p>
        </div>
      </div>
    </div>
  );
}
