import { useEffect, useRef } from 'react';
import type { Observation } from '../../shared/contract/model';
import { formatFigure, SIGN_TEXT, unitLabel } from '../../shared/domain/format/figure';
import { periodLabel } from '../../shared/domain/period';

/** "Where does this figure come from?": file or document, sheet, cell, raw text, import date. */
export function SourcePopover({ observation, onClose }: { observation: Observation; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const o = observation;
  const s = o.source;
  return (
    <div className="popover-backdrop" onClick={onClose}>
      <div className="popover" role="dialog" aria-label="Herkomst van het cijfer" tabIndex={-1} ref={ref} onClick={(e) => e.stopPropagation()}>
        <header>
          <strong>{o.indicatorName}</strong>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Sluiten">×</button>
        </header>
        <dl className="provenance">
          <dt>Cijfer</dt>
          <dd className="num">{formatFigure(o)} <span className="muted">({unitLabel(o.unit)})</span></dd>
          {o.sign && (<><dt>Teken</dt><dd>{SIGN_TEXT[o.sign]}</dd></>)}
          <dt>Gebied</dt>
          <dd>{o.areaName} <span className="muted">({o.areaCode})</span></dd>
          <dt>Periode</dt>
          <dd>{periodLabel(o.period)}</dd>
          <dt>{s.kind === 'file' ? 'Bestand' : 'Bron'}</dt>
          <dd>{s.file ?? s.title}</dd>
          {s.sheet && (<><dt>Blad</dt><dd>{s.sheet}</dd></>)}
          {s.cell && (<><dt>Cel</dt><dd className="mono">{s.cell}</dd></>)}
          {s.raw !== null && (<><dt>{s.kind === 'file' ? 'Tekst in de cel' : 'Vermelding (samengevat)'}</dt><dd className="mono raw">{s.raw === '' ? '(leeg)' : s.raw}</dd></>)}
          <dt>Opgenomen</dt>
          <dd>{new Date(s.importedAt).toLocaleString('nl-NL')}</dd>
        </dl>
      </div>
    </div>
  );
}
