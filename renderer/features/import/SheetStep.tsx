import type { ImportPreview } from '../../../shared/contract/import';
import { bytes, ENCODING_NL, FORMAT_NL, SEPARATOR_NL } from './labels';
import type { Options } from './types';

/** Step 2: which sheet, and for text files the encoding and separator (detected, overridable). */
export function SheetStep({ preview, options, onOptions }: { preview: ImportPreview; options: Options; onOptions: (o: Options) => void }) {
  const f = preview.file;
  const isText = f.format === 'csv';
  return (
    <div className="step">
      <h2>Blad</h2>
      <dl className="facts">
        <dt>Soort bestand</dt>
        <dd>{FORMAT_NL[f.format] ?? f.format}</dd>
        <dt>Grootte</dt>
        <dd>{bytes(f.sizeBytes)}</dd>
        <dt>Vingerafdruk (sha256)</dt>
        <dd className="mono" title={f.sha256 ?? ''}>
          {f.sha256?.slice(0, 16)}…
        </dd>
      </dl>

      {preview.sheetNames.length > 1 ? (
        <fieldset className="plain">
          <legend>Welk blad importeert u?</legend>
          <div className="choice-list">
            {preview.sheetNames.map((name) => (
              <label key={name} className="check">
                <input type="radio" name="sheet" checked={preview.sheet === name} onChange={() => onOptions({ ...options, sheet: name, block: undefined, range: undefined })} />
                {name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p>
          Het bestand heeft één blad: <strong>{preview.sheet}</strong>.
        </p>
      )}

      {preview.blocks.length > 1 && (
        <fieldset className="plain" data-testid="blocks">
          <legend>Dit blad bevat {preview.blocks.length} tabellen onder elkaar. Welke importeert u?</legend>
          {!preview.blockChosen && (
            <p className="notice warn" role="status">
              Kies een tabel: het blad wordt nooit als één tabel gelezen. Tot u kiest, toont het voorbeeld tabel 1; importeren kan pas na uw keuze.
            </p>
          )}
          <div className="choice-list">
            {preview.blocks.map((b) => (
              <label key={b.index} className="check">
                <input type="radio" name="block" checked={preview.blockChosen && preview.block === b.index} onChange={() => onOptions({ ...options, block: b.index, range: undefined })} />
                Tabel {b.index}: <span className="mono">{b.range}</span>
                {b.title && <> — {b.title}</>} <span className="muted">({b.dataRows} {b.dataRows === 1 ? 'rij' : 'rijen'})</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {isText && (
        <div className="form-grid">
          <label htmlFor="imp-encoding">Tekenset</label>
          <div>
            <select id="imp-encoding" className="select" value={options.encoding ?? ''} onChange={(e) => onOptions({ ...options, encoding: (e.target.value || undefined) as Options['encoding'] })}>
              <option value="">Herkend: {ENCODING_NL[f.encoding ?? ''] ?? f.encoding}</option>
              {Object.entries(ENCODING_NL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
            <p className="form-hint">Kloppen de letters met accenten (Súdwest-Fryslân) niet, kies dan een andere tekenset.</p>
          </div>
          <label htmlFor="imp-sep">Scheidingsteken</label>
          <div>
            <select id="imp-sep" className="select" value={options.separator ?? ''} onChange={(e) => onOptions({ ...options, separator: (e.target.value || undefined) as Options['separator'] })}>
              <option value="">Herkend: {SEPARATOR_NL[f.separator ?? ''] ?? f.separator}</option>
              {Object.entries(SEPARATOR_NL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </div>
  );
}
