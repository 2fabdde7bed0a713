import { useState } from 'react';
import type { SourceRemoval, SourceSummary } from '../../../shared/contract/import';
import { formatCount } from '../../../shared/domain/format/number';
import { call } from '../../api/client';
import { ErrorPanel } from '../../ui/StatusPanels';

/** Bronnen → Verwijderen: an imported file's source out whole, after the analyst confirms; then what went with it. */
export function RemoveSource({ source, onRemoved }: { source: SourceSummary; onRemoved: (r: SourceRemoval) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (source.kind !== 'file') return null;
  const name = source.file ?? source.title;
  const remove = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('sources.remove', { id: source.id });
      setAsking(false);
      onRemoved(r);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!asking) {
    return (
      <button type="button" className="button" onClick={() => setAsking(true)}>
        Verwijderen
      </button>
    );
  }
  return (
    <div className="notice warn confirm-remove" role="alertdialog" aria-labelledby="remove-title" aria-describedby="remove-text">
      <strong id="remove-title">
        {name}
        {source.sheet ? ` (blad ${source.sheet})` : ''} verwijderen?
      </strong>
      <p id="remove-text">
        De {formatCount(source.current + source.superseded)} cijfers uit deze import worden verwijderd ({formatCount(source.current)} actueel, {formatCount(source.superseded)} al vervangen), en de
        gebieden die deze import aanmaakte en die niets anders gebruikt. Cijfers die deze import had vervangen, worden weer actueel. Indicatoren en opgeslagen koppelingen blijven. Dit kan
        niet ongedaan worden gemaakt; maak zo nodig eerst een reservekopie.
      </p>
      {error !== null && <ErrorPanel error={error} />}
      <div className="actions">
        <button type="button" className="button danger" disabled={busy} onClick={() => void remove()}>
          {busy ? 'Bezig met verwijderen…' : 'Ja, verwijderen'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)}>
          Annuleren
        </button>
      </div>
    </div>
  );
}

/** What went with a removed import, in Dutch. */
export function removalText(r: SourceRemoval): string {
  const parts = [`${formatCount(r.figures)} cijfers verwijderd`];
  if (r.restored > 0) parts.push(`${formatCount(r.restored)} eerdere cijfers weer actueel`);
  if (r.areasRemoved > 0) parts.push(`${formatCount(r.areasRemoved)} aangemaakte gebieden verwijderd`);
  if (r.areasKept > 0) parts.push(`${formatCount(r.areasKept)} aangemaakte gebieden blijven (nog in gebruik)`);
  if (r.membersRemoved > 0) parts.push(`${formatCount(r.membersRemoved)} voorgestelde leden van focusgebieden verwijderd`);
  if (r.indicatorsWithoutFigures > 0) parts.push(`${formatCount(r.indicatorsWithoutFigures)} indicatoren zonder actuele cijfers (blijven bestaan)`);
  return `Bron ${r.sourceId} (${r.file ?? ''}${r.sheet ? `, blad ${r.sheet}` : ''}) is verwijderd: ${parts.join('; ')}.`;
}
