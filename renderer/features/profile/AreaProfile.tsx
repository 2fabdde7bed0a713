import { useEffect, useMemo, useState } from 'react';
import type { CompareCell, CompareResult } from '../../../shared/contract/compare';
import type { Area } from '../../../shared/contract/model';
import { buildProfile, THEME_LABEL } from '../../../shared/domain/charts/profile';
import { formatFigure, unitLabel } from '../../../shared/domain/format/figure';
import { periodLabel } from '../../../shared/domain/period';
import { call } from '../../api/client';
import { EmptyState, ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import '../charts/charts.css';
import { CellSource } from './CellSource';
import { Sparkline } from './Sparkline';

const THEMES = ['bevolking', 'wonen', 'meedoen', 'veiligheid', 'financien', 'overig'] as const;
const YEARS = 5;
const nl1 = (x: number): string => `${x > 0 ? '+' : ''}${x.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;

function peersOf(area: Area, all: Area[]): { codes: 'focus' | string[]; label: string } {
  if (area.kind === 'focus_area') return { codes: 'focus', label: 'de 20 focusgebieden' };
  const sameKind = all.filter((a) => a.kind === area.kind);
  if (area.kind === 'district' || area.kind === 'neighbourhood') {
    const gm = area.code.slice(2, 6);
    const local = sameKind.filter((a) => a.code.slice(2, 6) === gm);
    return { codes: local.map((a) => a.code), label: `de ${local.length} ${area.kind === 'district' ? 'wijken' : 'buurten'} van ${area.parentName ?? 'de gemeente'}` };
  }
  return { codes: sameKind.map((a) => a.code), label: `de ${sameKind.length} gebieden van deze soort` };
}

/** Gebieden → an area: all its indicators by theme, beside its municipality and Nederland. */
export function AreaProfile({ code, onClose }: { code: string; onClose: () => void }) {
  const [areas] = useCall('areas.list', {});
  const area = areas.status === 'ok' ? areas.value.find((a) => a.code === code) : undefined;
  const [latest, setLatest] = useState<CompareResult | null>(null);
  const [years, setYears] = useState<{ period: string; result: CompareResult }[]>([]);
  const [peers, setPeers] = useState<CompareResult | null>(null);
  const [peerLabel, setPeerLabel] = useState('');
  const [peersLoading, setPeersLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<CompareCell | null>(null);
  const allAreas = areas.status === 'ok' ? areas.value : null;
  useEffect(() => {
    if (!area || !allAreas) return;
    let live = true;
    setLatest(null);
    setError(null);
    const base = { indicators: [], themes: [...THEMES] };
    void (async () => {
      try {
        const now = await call('compare.run', { ...base, areas: [code], period: 'latest', references: ['municipality', 'NL'] });
        if (!live) return;
        setLatest(now);
        const last = Math.max(...now.indicators.map((i) => Number(i.period?.slice(-4) ?? NaN)).filter(Number.isFinite));
        const peer = peersOf(area, allAreas);
        setPeerLabel(peer.label);
        // The course and the peers load apart: a sparkline need not wait for twenty aggregates.
        const series = Number.isFinite(last)
          ? Promise.all(Array.from({ length: YEARS }, (_, k) => String(last - YEARS + 1 + k)).map((p) => call('compare.run', { ...base, areas: [code], period: p, references: [] }).then((result) => ({ period: p, result }))))
          : Promise.resolve([]);
        const peerResult = peer.codes === 'focus' || peer.codes.length >= 2 ? call('compare.run', { ...base, areas: peer.codes, period: 'latest', references: [] }) : Promise.resolve(null);
        setPeersLoading(true);
        await Promise.all([
          series.then((s) => live && setYears(s)),
          peerResult.then((r) => {
            if (!live) return;
            setPeers(r);
            setPeersLoading(false);
          }),
        ]);
      } catch (err) {
        if (live) setError(err);
      }
    })();
    return () => {
      live = false;
    };
  }, [code, area, allAreas]);
  const themes = useMemo(() => (latest ? buildProfile(code, latest, years, peers) : []), [code, latest, years, peers]);
  const municipality = latest?.rows.find((r) => r.role === 'municipality');
  const hasNl = latest?.rows.some((r) => r.role === 'NL') ?? false;
  return (
    <div className="screen area-profile">
      <header className="screen-header">
        <button type="button" className="link-button" onClick={onClose}>← Gebieden</button>
        <h1>{area?.name ?? code}</h1>
        <p className="lede">
          {area ? `${area.kind === 'focus_area' ? 'Focusgebied' : area.kind === 'district' ? 'Wijk' : area.kind === 'neighbourhood' ? 'Buurt' : area.kind === 'municipality' ? 'Gemeente' : 'Gebied'} ${area.code}` : code}
          {area?.parentName ? ` in ${area.parentName}` : ''}. Cijfers zoals Vergelijken ze toont; klik op een cijfer voor de herkomst.
        </p>
      </header>
      {area?.kind === 'focus_area' && <Composition code={code} />}
      {error !== null && <ErrorPanel error={error} />}
      {!latest && error === null && <Loading what="Profiel" />}
      {latest && themes.every((t) => t.lines.length === 0) && <EmptyState title="Nog geen cijfers voor dit gebied" next="Importeer de kerncijfers wijken en buurten (of een ander bestand) met dit gebied." />}
      {themes.map((t) => (
        <section key={t.theme} aria-labelledby={`profile-${t.theme}`}>
          <h2 id={`profile-${t.theme}`}>{THEME_LABEL[t.theme]} <span className="count">({t.lines.length} met cijfer)</span></h2>
          {t.lines.length > 0 && (
          <table className="index-table profile-table">
            <thead>
              <tr>
                <th>Indicator</th>
                <th className="num">Waarde</th>
                <th>Verloop</th>
                <th className="num">{municipality?.areaName ?? 'Gemeente'}</th>
                <th className="num">Nederland</th>
                <th className="num" title={`z-score tegen ${peerLabel}; positief is gunstig (bij indicatoren zonder richting: meer)`}>Score t.o.v. {peerLabel}</th>
              </tr>
            </thead>
            <tbody>
              {t.lines.map((l) => (
                <tr key={l.indicator.code}>
                  <td>{l.indicator.name} <span className="muted">({unitLabel(l.indicator.unit)}{l.indicator.period ? `, ${periodLabel(l.indicator.period)}` : ''})</span></td>
                  <td className="num">
                    <button type="button" className="figure-button" onClick={() => setOpen(l.cell)} title={l.cell.source ?? l.cell.missingReason ?? ''}>
                      {l.cell.value === null && !l.cell.sign ? '—' : formatFigure(l.cell)}
                    </button>
                    {l.cell.aggregated && <span className="badge" title={l.cell.source ?? ''}>samengesteld</span>}
                  </td>
                  <td><Sparkline series={l.series} /></td>
                  <td className="num">{l.municipality && (l.municipality.value !== null || l.municipality.sign) ? <button type="button" className="figure-button" onClick={() => setOpen(l.municipality!)}>{formatFigure(l.municipality)}</button> : <span className="muted">—</span>}</td>
                  <td className="num">{l.nl && (l.nl.value !== null || l.nl.sign) ? <button type="button" className="figure-button" onClick={() => setOpen(l.nl!)}>{formatFigure(l.nl)}</button> : <span className="muted">{hasNl ? '—' : 'niet in project'}</span>}</td>
                  <td className="num">{l.z !== null ? <ZBar z={l.z} neutral={l.indicator.direction === 'neutral'} /> : <span className="muted" title={peersLoading ? 'wordt berekend' : `${l.peers} van ${peerLabel} met een cijfer: te weinig voor een score`}>{peersLoading ? '…' : '—'}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          )}
          {t.missing.length > 0 && (
            <p className="chart-notes muted">
              Geen cijfer ({t.missing.length}): {t.missing.map((m) => `${m.indicator.name}${m.cell.sign ? ` (${formatFigure(m.cell)})` : ''}`).join(', ')}.
            </p>
          )}
        </section>
      ))}
      {area?.kind === 'focus_area' && <ProgrammeFacts />}
      {open && <CellSource cell={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

function ZBar({ z, neutral }: { z: number; neutral: boolean }) {
  const clamped = Math.max(-2.5, Math.min(2.5, z));
  const colour = neutral ? '#8a9099' : z >= 0 ? '#1f5f8b' : '#c85a0a';
  const w = Math.abs(clamped) * 16;
  return (
    <span className="zbar" title={`z = ${z.toLocaleString('nl-NL', { maximumFractionDigits: 2 })}`}>
      <svg width={84} height={12} aria-hidden="true">
        <line x1={42} x2={42} y1={0} y2={12} stroke="#b9c0c7" />
        <rect x={clamped >= 0 ? 42 : 42 - w} y={2} width={w} height={8} fill={colour} />
      </svg>
      <span>{nl1(z)}</span>
    </span>
  );
}

function Composition({ code }: { code: string }) {
  const [comp] = useCall('composition.list', { areaCode: code });
  if (comp.status === 'loading') return <Loading what="Samenstelling" />;
  if (comp.status === 'error') return <ErrorPanel error={comp.error} />;
  const summary = comp.value.focusAreas[0];
  return (
    <section aria-labelledby="profile-composition">
      <h2 id="profile-composition">Samenstelling <span className="count">({comp.value.members.length})</span></h2>
      {comp.value.members.length === 0 ? (
        <p className="muted">Samenstelling onbekend: er zijn geen wijken of buurten aan dit focusgebied toegekend. Cijfers kunnen dan niet worden samengesteld.</p>
      ) : (
        <ul className="composition-list">
          {comp.value.members.map((m) => (
            <li key={m.memberCode}>
              {m.memberName} <span className="muted">({m.memberCode})</span> {m.status === 'proposal' && <span className="badge">te bevestigen</span>}
              {m.population !== null && <span className="muted"> · {m.population.toLocaleString('nl-NL')} inwoners ({m.populationPeriod})</span>}
              {m.source && <span className="muted small"> · bron: {m.source}</span>}
            </li>
          ))}
        </ul>
      )}
      {summary?.population !== null && summary?.population !== undefined && <p className="muted small">Samen {summary.population.toLocaleString('nl-NL')} inwoners.</p>}
    </section>
  );
}

function ProgrammeFacts() {
  const [figures] = useCall('observations.list', { areaCode: 'NPLV' });
  if (figures.status !== 'ok' || figures.value.length === 0) return null;
  return (
    <section aria-labelledby="profile-programme">
      <h2 id="profile-programme">Programmafeiten</h2>
      <p className="muted small">Uit {figures.value[0]!.source.title}. Deze cijfers gelden voor de 20 gebieden samen; de brief geeft geen cijfers per gebied.</p>
      <ul className="composition-list">
        {figures.value.map((f) => (
          <li key={f.id}>{f.indicatorName}: <span className="num">{formatFigure(f)}</span> <span className="muted">({periodLabel(f.period)})</span></li>
        ))}
      </ul>
    </section>
  );
}
