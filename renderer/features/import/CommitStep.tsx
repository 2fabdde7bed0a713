import { ProgressBar } from '../../ui/ProgressBar';
import { ImportError } from './ImportError';
import { SourceFigures } from '../sources/SourceFigures';
import { LAYOUT_SHORT, nl } from './labels';
import { ProblemList } from './ProblemList';
import type { CommitState } from './use-import-job';

const PHASE_NL: Record<string, string> = { starten: 'Starten', lezen: 'Bestand openen', rijen: 'Rijen lezen en opslaan', opslaan: 'Vastleggen' };

/** Step 7: the import running (rows done, time left, cancel), then its report and the figures it wrote. */
export function CommitStep({ state, file, onCancel, onRestart, onBack }: { state: CommitState; file: string; onCancel: () => void; onRestart: () => void; onBack: () => void }) {
  if (state.status === 'idle') return <p className="muted">Nog niet gestart; ga terug naar het voorbeeld en kies Importeren.</p>;
  if (state.status === 'running') {
    const p = state.progress;
    return (
      <div className="step">
        <h2>Importeren</h2>
        <ProgressBar label={PHASE_NL[p.phase] ?? p.phase} done={p.done} total={p.total} etaMs={p.etaMs} unit="rijen" onCancel={onCancel} cancelling={state.cancelling} />
        <p className="muted small">Alles wordt in één keer vastgelegd: breekt u af, of gaat er iets mis, dan blijft het project zoals het was.</p>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <div className="step">
        <h2>Geannuleerd</h2>
        <p className="notice">Het importeren is afgebroken na {nl(state.done)} rijen; er is niets opgeslagen.</p>
        <Actions onBack={onBack} onRestart={onRestart} />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="step">
        <h2>Niet geïmporteerd</h2>
        <ImportError error={state.error} file={file} />
        <p className="muted">Er is niets opgeslagen. Pas het bestand of de keuzes aan en probeer het opnieuw.</p>
        <Actions onBack={onBack} onRestart={onRestart} />
      </div>
    );
  }
  const r = state.report;
  if (r.recognised) {
    return (
      <div className="step">
        <h2>Al geïmporteerd</h2>
        <p className="notice">
          {r.file} (blad {r.sheet}) staat al in het project als bron {r.sourceId}, met precies dezelfde inhoud. Er is niets toegevoegd; u vindt de cijfers bij Bronnen.
        </p>
        <Actions onBack={onBack} onRestart={onRestart} />
      </div>
    );
  }
  if (!r.committed) {
    return (
      <div className="step">
        <h2>Niet geïmporteerd</h2>
        <p className="notice">Niets in {r.file} kon worden opgeslagen; er is niets veranderd. De meldingen hieronder zeggen waarom.</p>
        <ProblemList problems={r.issues} counts={r.issueCounts} file={r.file} />
        <Actions onBack={onBack} onRestart={onRestart} />
      </div>
    );
  }
  return (
    <div className="step">
      <h2>Geïmporteerd</h2>
      <p className="notice ok">
        {r.file} (blad {r.sheet}) is opgeslagen als bron {r.sourceId}, in {nl(Math.round(r.elapsedMs / 100) / 10)} s.
      </p>
      <ul className="counts">
        {r.layout === 'dictionary' ? (
          <li>
            <strong>{nl(r.definitions)}</strong> definities
          </li>
        ) : r.layout === 'composition' ? (
          <li>
            <strong>{nl(r.members)}</strong> wijken en buurten bij focusgebieden
          </li>
        ) : (
          <li>
            <strong>{nl(r.observations)}</strong> cijfers ({LAYOUT_SHORT[r.layout]}, {nl(r.rowsRead)} rijen gelezen)
          </li>
        )}
        <li>
          <strong>{nl(r.areasWithFigures)}</strong> gebieden ({nl(r.areasMatched)} al bekend); <strong>{nl(r.areasCreated)}</strong> nieuw aangemaakt, <strong>{nl(r.areasUnmatched)}</strong> niet geïmporteerd
        </li>
        <li>
          <strong>{nl(r.indicatorsNew)}</strong> nieuwe indicatoren (te beoordelen)
        </li>
        {r.aliasesRemembered > 0 && (
          <li>
            <strong>{nl(r.aliasesRemembered)}</strong> namen onthouden
          </li>
        )}
        {r.superseded > 0 && (
          <li>
            <strong>{nl(r.superseded)}</strong> eerdere cijfers vervangen (bewaard als geschiedenis)
          </li>
        )}
        {r.mapping.saved && <li>koppeling bewaard als “{r.mapping.saved}”</li>}
      </ul>
      <h3>Geïmporteerde cijfers</h3>
      {r.sourceId !== null && <SourceFigures sourceId={r.sourceId} height={420} />}
      <ProblemList problems={r.issues} counts={r.issueCounts} file={r.file} />
      <div className="wizard-nav">
        <span className="spacer" />
        <button type="button" className="button primary" onClick={onRestart}>
          Nog een bestand importeren
        </button>
      </div>
    </div>
  );
}

function Actions({ onBack, onRestart }: { onBack: () => void; onRestart: () => void }) {
  return (
    <div className="wizard-nav">
      <button type="button" className="button" onClick={onBack}>
        ← Terug naar het voorbeeld
      </button>
      <span className="spacer" />
      <button type="button" className="button" onClick={onRestart}>
        Ander bestand kiezen
      </button>
    </div>
  );
}
