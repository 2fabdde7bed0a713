import { useEffect, useRef } from 'react';
import type { CompareCell } from '../../../shared/contract/compare';
import { formatFigure, SIGN_TEXT, unitLabel } from '../../../shared/domain/format/figure';
import { periodLabel } from '../../../shared/domain/period';

/** Where a profile figure comes from: the file and cell, or the members it was aggregated from. */
export function CellSource({ cell, onClose }: { cell: CompareCell; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const s = cell.sourceRef;
  return (
    <div className="popover-backdrop" onClick={onClose}>
      <div className="popover" role="dialog" aria-label="Herkomst van het cijfer" tabIndex={-1} ref={ref} onClick={(e) => e.stopPropagation()}>
        <header>
          <strong>{cell.indicatorName}</strong>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Sluiten">×</button>
        </header>
        <dl className="provenance">
          <dt>Cijfer</dt>
          <dd className="num">{cell.value === null && !cell.sign ? '—' : formatFigure(cell)} <span className="muted">({unitLabel(cell.unit)})</span></dd>
          {cell.sign && (<><dt>Teken</dt><dd>{SIGN_TEXT[cell.sign]}</dd></>)}
          <dt>Gebied</dt>
          <dd>{cell.areaName} <span className="muted">({cell.areaCode})</span></dd>
          {cell.period && (<><dt>Periode</dt><dd>{periodLabel(cell.period)}</dd></>)}
          {s && (<><dt>Bestand</dt><dd>{s.file ?? s.title}</dd></>)}
          {s?.sheet && (<><dt>Blad</dt><dd>{s.sheet}</dd></>)}
          {s?.cell && (<><dt>Cel</dt><dd className="mono">{s.cell}</dd></>)}
          {s?.raw !== null && s?.raw !== undefined && (<><dt>Tekst in de cel</dt><dd className="mono raw">{s.raw}</dd></>)}
          {cell.aggregated && (<><dt>Samengesteld</dt><dd>{cell.source}</dd></>)}
          {cell.missingReason && (<><dt>Geen cijfer</dt><dd>{cell.missingReason}</dd></>)}
        </dl>
      </div>
    </div>
  );
}
