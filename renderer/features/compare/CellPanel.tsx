import { useEffect, useRef, useState } from 'react';
import type { CompareCell, MemberFigure } from '../../../shared/contract/compare';
import { formatNl, QUALIFIER_TEXT, SIGN_TEXT } from '../../../shared/domain/format';
import { periodLabel } from '../../../shared/domain/period';
import { call } from '../../api/client';
import { KIND_LABEL } from '../areas/AreasGrid';
import { deltaText, figureText, rankText, unitText } from './cell-format';
import { cellColour } from './colour';
import type { CellRef } from './CompareGrid';

const AGG_TEXT = { sum: 'de som van de leden', weighted_mean: 'het gewogen gemiddelde van de leden', none: '' } as const;

function MemberRow({ m, unit, weighted }: { m: MemberFigure; unit: string; weighted: boolean }) {
  const fig = { value: m.value, sign: m.sign, low: null, high: null, qualifier: null, unit };
  return (
    <tr className={m.counted ? undefined : 'not-counted'}>
      <td>
        {m.name} <span className="mono muted small">{m.code}</span>
        <div className="small muted">
          {KIND_LABEL[m.kind]}
          {m.status === 'proposal' && (
            <>
              {' · '}
              <span className="badge confirm-badge">te bevestigen</span>
            </>
          )}
          {m.aggregated && ' · zelf berekend uit buurten'}
        </div>
      </td>
      <td className="num">{figureText(fig)}</td>
      {weighted && <td className="num">{m.weight !== null ? formatNl(m.weight) : 'n.b.'}</td>}
      <td className="small">{m.counted ? 'telt mee' : 'telt niet mee'}</td>
      <td className="small source-text">{m.source ? m.source.text : m.aggregated ? 'berekend' : 'geen cijfer in de opslag'}</td>
    </tr>
  );
}

/**
 * Why a cell says what it says: the figure and its source cell, or the members an aggregate was
 * computed from (each with its own figure, weight and source cell), the coverage, the difference
 * and why there is none, the rank. Opens with Enter or a click on a cell; Escape closes it.
 */
export function CellPanel({ refCell, minCoverage, shownCount, pinned, onPin, onClose }: { refCell: CellRef; minCoverage: number; shownCount: number; pinned: boolean; onPin: () => void; onClose: () => void }) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, refCell]);
  const { cell, row, ind } = refCell;
  // A large comparison leaves members out, and a lean one every figure's source: fetch this one cell whole.
  const [whole, setWhole] = useState<CompareCell | null>(null);
  const [fetching, setFetching] = useState<'no' | 'busy' | { error: string }>('no');
  useEffect(() => {
    setWhole(null);
    setFetching('no');
    const lean = !cell.aggregated && cell.sourceRef === null && (cell.value !== null || cell.low !== null || cell.sign !== null);
    if (!cell.period || !((cell.aggregated && !cell.memberDetail) || lean)) return;
    let live = true;
    setFetching('busy');
    call('compare.run', { areas: [row.areaCode], indicators: [ind.code], period: cell.period, references: [], minCoverage, memberDetail: true }).then(
      (r) => {
        if (!live) return;
        setWhole(r.rows.find((x) => x.areaCode === row.areaCode)?.cells[0] ?? null);
        setFetching('no');
      },
      (err: unknown) => live && setFetching({ error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [cell, row.areaCode, ind.code, minCoverage]);
  // the grid's own figures (with its rank and colour among the shown areas); provenance from the whole cell
  const c: CompareCell = !whole ? cell : { ...cell, memberDetail: cell.memberDetail ?? whole.memberDetail, sourceRef: cell.sourceRef ?? whole.sourceRef, source: cell.source ?? whole.source };
  const missing = c.value === null && c.low === null;
  const colour = cellColour(c, ind.direction, row.role);
  const memberCount = c.memberDetail?.length ?? c.members?.length ?? 0;
  const weighted = ind.aggregation === 'weighted_mean';
  return (
    <aside className="cell-panel" role="dialog" aria-label="Uitleg bij het cijfer" tabIndex={-1} ref={panel}>
      <header>
        <div>
          <div className="muted small">{row.tag ? `${row.tag} · ` : ''}{row.areaCode}</div>
          <strong>{row.areaName}</strong>
          <div>
            {ind.name} <span className="mono muted small">{ind.code}</span>
          </div>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Sluiten (Escape)">
          ×
        </button>
      </header>
      <dl className="provenance">
        <dt>Cijfer</dt>
        <dd>
          <strong className="num">{figureText(c)}</strong> <span className="muted">({unitText(c.unit)})</span>
        </dd>
        {c.qualifier && (
          <>
            <dt>Aanduiding</dt>
            <dd>{QUALIFIER_TEXT[c.qualifier]}</dd>
          </>
        )}
        {c.sign && (
          <>
            <dt>CBS-teken</dt>
            <dd>{SIGN_TEXT[c.sign]}</dd>
          </>
        )}
        {missing && (
          <>
            <dt>Waarom geen cijfer</dt>
            <dd>{c.missingReason ?? (c.sign ? SIGN_TEXT[c.sign] : 'Er is voor dit gebied en deze periode geen cijfer in de opslag.')}</dd>
          </>
        )}
        <dt>Periode</dt>
        <dd>{c.period ? periodLabel(c.period) : ind.period ? periodLabel(ind.period) : 'geen'}</dd>
        {ind.comparePeriod && (
          <>
            <dt>Verschil</dt>
            <dd>
              {c.delta !== null ? (
                <>
                  {deltaText(c.delta, c.unit)} t.o.v. {periodLabel(ind.comparePeriod)}
                  {c.compareValue !== null && <span className="muted"> (toen {figureText({ ...c, value: c.compareValue, sign: null, low: null, high: null, qualifier: null })})</span>}
                </>
              ) : (
                <span className="warn">{c.deltaNote ?? 'geen verschil te berekenen'}</span>
              )}
            </dd>
          </>
        )}
        {row.role === 'area' && (
          <>
            <dt>Rang</dt>
            <dd>
              {c.rank !== null ? rankText(c.rank, shownCount) : 'geen (geen cijfer)'}
              {colour.label && <span className="muted"> · {colour.label}</span>}
            </dd>
          </>
        )}
        {!c.aggregated && c.sourceRef && (
          <>
            <dt>{c.sourceRef.kind === 'file' ? 'Bestand' : 'Bron'}</dt>
            <dd>{c.sourceRef.file ?? c.sourceRef.title}</dd>
            {c.sourceRef.sheet && (
              <>
                <dt>Blad</dt>
                <dd>{c.sourceRef.sheet}</dd>
              </>
            )}
            {c.sourceRef.cell && (
              <>
                <dt>Cel</dt>
                <dd className="mono">{c.sourceRef.cell}</dd>
              </>
            )}
            {c.sourceRef.raw !== null && (
              <>
                <dt>Tekst in de cel</dt>
                <dd className="mono raw">{c.sourceRef.raw === '' ? '(leeg)' : c.sourceRef.raw}</dd>
              </>
            )}
          </>
        )}
        {c.importedVsAggregate && (
          <>
            <dt>Ingelezen vs. berekend</dt>
            <dd className="warn">
              Ingelezen {formatNl(c.importedVsAggregate.imported)}, uit de leden {formatNl(c.importedVsAggregate.aggregate)} (verschil {formatNl(c.importedVsAggregate.difference)}). Het ingelezen cijfer gaat voor.
            </dd>
          </>
        )}
      </dl>
      {fetching === 'busy' && <p className="muted small" role="status">{c.aggregated ? 'De leden en hun bronnen worden opgehaald…' : 'Bestand, blad en cel worden opgehaald…'}</p>}
      {typeof fetching === 'object' && <p className="warn small" role="alert">De herkomst ophalen lukte niet: {fetching.error}</p>}
      {row.compositionStatus === 'unknown' && <p className="notice">Samenstelling onbekend: van dit focusgebied is niet vastgelegd uit welke wijken en buurten het bestaat. Leg die vast onder Gebieden → {row.areaName} → Samenstelling.</p>}
      {c.aggregated && (
        <section className="members" aria-label="Leden van het berekende cijfer">
          <h3>
            Berekend uit {memberCount} {memberCount === 1 ? 'lid' : 'leden'}
          </h3>
          <p className="small">
            Het cijfer is {AGG_TEXT[ind.aggregation] || 'berekend uit de leden'}
            {ind.weightIndicatorCode ? `, gewogen naar ${ind.weightIndicatorCode}` : ''}.
            {c.coverageDetail && (
              <>
                {' '}
                Dekking: {c.coverageDetail.withFigure} van {c.coverageDetail.total} leden met een cijfer
                {c.coverageDetail.weightShare !== null && `, ${formatNl(c.coverageDetail.weightShare * 100, { decimals: 0 })}% van het gewicht`}; drempel {formatNl(c.coverageDetail.threshold * 100, { decimals: 0 })}%.
              </>
            )}
          </p>
          {row.compositionStatus === 'proposal' && <p className="notice">Samenstelling te bevestigen: de leden zijn een voorstel uit openbare bronnen. Bevestig of wijzig ze onder Gebieden → {row.areaName} → Samenstelling.</p>}
          {c.memberDetail && c.memberDetail.length > 0 && (
            <div className="table-scroll">
              <table className="figures dense members-table">
                <thead>
                  <tr>
                    <th>Lid</th>
                    <th className="num">Cijfer</th>
                    {weighted && <th className="num">Gewicht ({ind.weightIndicatorCode ?? '?'})</th>}
                    <th>Telt</th>
                    <th>Bron</th>
                  </tr>
                </thead>
                <tbody>
                  {c.memberDetail.map((m) => (
                    <MemberRow key={m.code} m={m} unit={c.unit} weighted={weighted} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <div className="panel-actions">
        <button type="button" className="button" onClick={onPin}>
          {pinned ? 'Kolom losmaken' : 'Kolom vastzetten'}
        </button>
      </div>
    </aside>
  );
}
