import { useState } from 'react';
import type { ImportPreview } from '../../../shared/contract/import';
import { LAYOUT_SHORT, nl } from './labels';
import { PreviewGrid } from './PreviewGrid';
import { ProblemList } from './ProblemList';
import { skipSummaryNl } from './problem-text';

/** Step 6: the sheet with its header and problems, what will be written, and the button that writes it. */
export function PreviewStep({ preview, busy, onCommit }: { preview: ImportPreview; busy: boolean; onCommit: (saveMappingAs: string | null) => void }) {
  const [mapping, setMapping] = useState('');
  const f = preview.figures;
  const signs = Object.values(f.signs).reduce((a, b) => a + b, 0);
  const writes = f.toImport + (preview.definitions?.total ?? 0) + (preview.composition?.total ?? 0);
  const newIndicators = new Set(preview.measures.filter((m) => m.include && m.indicator.isNew).map((m) => m.indicator.code)).size;
  const errors = preview.problems.filter((p) => p.severity === 'error').length;
  const skipped = skipSummaryNl(f, preview.skips);
  return (
    <div className="step">
      <h2>Voorbeeld</h2>
      <div className="summary-cards">
        {preview.layout === 'dictionary' ? (
          <div className="summary-card">
            <strong>{nl(preview.definitions?.total ?? 0)}</strong> definities, {nl(preview.definitions?.new ?? 0)} nieuwe indicatoren
          </div>
        ) : preview.layout === 'composition' ? (
          <div className="summary-card">
            <strong>{nl(preview.composition?.total ?? 0)}</strong> wijken en buurten van {nl(preview.composition?.focusAreas.length ?? 0)} focusgebieden
          </div>
        ) : (
          <>
            <div className="summary-card">
              <strong>{nl(f.toImport)}</strong> cijfers worden opgeslagen
              <span className="muted small">
                {nl(f.numbers)} getallen, {nl(signs)} CBS-tekens{f.invalid > 0 ? `, ${nl(f.invalid)} ${f.invalid === 1 ? 'cel' : 'cellen'} zonder getal` : ''}
              </span>
            </div>
            <div className="summary-card">
              <strong>{nl(preview.areas.matched + preview.areas.created)}</strong> gebieden
              <span className="muted small">
                {nl(preview.areas.created)} nieuw, {nl(preview.areas.unmatched + preview.areas.needsConfirmation)} niet geïmporteerd
              </span>
            </div>
            <div className="summary-card">
              <strong>{nl(preview.measures.filter((m) => m.include).length)}</strong> indicatoren
              <span className="muted small">{nl(newIndicators)} nieuw, te beoordelen</span>
            </div>
          </>
        )}
        <div className="summary-card">
          <strong>{LAYOUT_SHORT[preview.layout]}</strong> indeling
          <span className="muted small">kop in rij {preview.table.headerRows.join(', ') || '-'}</span>
        </div>
      </div>

      {skipped && (
        <p className={preview.skips.tooMany ? 'notice warn' : 'muted small'} data-testid="skip-summary">
          {skipped}
          {preview.skips.tooMany ? ` Dat is ${nl(Math.round(preview.skips.share * 1000) / 10)} % van de cijfers: kijk bij Gebieden en Indeling of dat de bedoeling is voordat u importeert.` : ''}
        </p>
      )}

      <h3>Het blad</h3>
      <p className="muted small">
        De eerste {nl(preview.sample.rows.length)} rijen zoals ze in het bestand staan. Kopregels zijn grijs, cellen met een fout rood en met een waarschuwing oranje omlijnd.
      </p>
      <PreviewGrid preview={preview} />

      <ProblemList problems={preview.problems} counts={preview.problemCounts} file={preview.file.name} />

      <div className="commit-bar">
        <label htmlFor="imp-save-mapping">Koppeling bewaren als</label>
        <input id="imp-save-mapping" className="text-input w-lg" placeholder={preview.recipeMatch.name ?? 'naam (anders naar het bestand genoemd)'} value={mapping} onChange={(e) => setMapping(e.target.value)} />
        <span className="spacer" />
        {!preview.blockChosen && <span className="warn">Dit blad bevat meer tabellen: kies er bij Blad één.</span>}
        {writes === 0 && <span className="warn">Er is niets om te importeren; zie de meldingen.</span>}
        {errors > 0 && writes > 0 && <span className="muted small">Cellen en rijen met een fout worden overgeslagen.</span>}
        <button type="button" className="button primary" disabled={busy || writes === 0 || !preview.blockChosen} onClick={() => onCommit(mapping.trim() || null)}>
          Importeren
        </button>
      </div>
    </div>
  );
}
