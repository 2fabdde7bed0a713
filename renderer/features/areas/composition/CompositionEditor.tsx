import { useEffect, useRef, useState } from 'react';
import type { AreaHit, CompareCell, CompositionList, CompositionMember } from '../../../../shared/contract/compare';
import { formatCount } from '../../../../shared/domain/format';
import { periodLabel } from '../../../../shared/domain/period';
import { call, getTransport } from '../../../api/client';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { notifyDataChanged } from '../../../ui/data-events';
import { ErrorPanel, Loading } from '../../../ui/StatusPanels';
import { figureText } from '../../compare/cell-format';
import { KIND_LABEL } from '../AreasGrid';

/** Figures the editor recomputes after every change, so the analyst sees what a change does. */
const PROBE = ['a_inw', 'a_hh', 'g_hhgro', 'p_koopw'];

type Probe = { cells: CompareCell[]; names: string[] };

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Samenstelling: the districts and neighbourhoods a focus area is made of. Each member with its
 * evidence and status ("te bevestigen" until confirmed) and the residents it covers; confirm,
 * remove, add members of the municipality by code or name, or import a composition CSV. After each
 * change the focus area's computed figures are shown beside what they were.
 */
export function CompositionEditor({ areaCode, areaName }: { areaCode: string; areaName: string }) {
  const [list, setList] = useState<CompositionList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [probe, setProbe] = useState<Probe | null>(null);
  const [before, setBefore] = useState<Probe | null>(null);
  const [change, setChange] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CompositionMember | null>(null);

  const loadProbe = async (): Promise<Probe | null> => {
    try {
      const known = new Set((await call('indicators.list', {})).map((i) => i.code));
      const codes = PROBE.filter((c) => known.has(c));
      if (codes.length === 0) return null;
      const r = await call('compare.run', { areas: [areaCode], indicators: codes, period: 'latest', references: [] });
      const row = r.rows.find((x) => x.role === 'area');
      return row ? { cells: row.cells, names: r.indicators.map((i) => i.name) } : null;
    } catch {
      return null;
    }
  };

  useEffect(() => {
    let live = true;
    setList(null);
    setBefore(null);
    setChange(null);
    setError(null);
    call('composition.list', { areaCode }).then(
      (l) => live && setList(l),
      (e: unknown) => live && setError(e),
    );
    void loadProbe().then((p) => live && setProbe(p));
    return () => {
      live = false;
    };
    // loadProbe reads areaCode only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areaCode]);

  const apply = async (what: string, run: () => Promise<CompositionList>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const next = await run();
      setList(next);
      setBefore(probe);
      setChange(what);
      setProbe(await loadProbe());
      notifyDataChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (error !== null && !list) return <ErrorPanel error={error} />;
  if (!list) return <Loading what="Samenstelling" />;
  const summary = list.focusAreas.find((f) => f.focusAreaCode === areaCode) ?? list.focusAreas[0];
  const members = list.members.filter((m) => m.focusAreaCode === areaCode);
  const proposals = members.filter((m) => m.status === 'proposal');

  return (
    <div className="composition">
      <div className="composition-head">
        <div>
          {summary?.status === 'unknown' && (
            <p className="notice">
              <strong>Samenstelling onbekend.</strong> Er is geen bron die zegt uit welke wijken en buurten {areaName} bestaat, dus er is geen cijfer voor te berekenen. Voeg hieronder wijken of buurten van {summary.municipalityName ?? 'de gemeente'} toe, of importeer een samenstelling (CSV).
            </p>
          )}
          {summary && summary.status !== 'unknown' && (
            <p className="composition-facts">
              {summary.members} {summary.members === 1 ? 'lid' : 'leden'} in {summary.municipalityName ?? 'de gemeente'}
              {summary.population !== null ? ` · ${formatCount(summary.population)} inwoners` : ' · inwoners niet voor alle leden bekend'}
              {summary.proposals > 0 ? (
                <>
                  {' · '}
                  <span className="badge confirm-badge">{summary.proposals} te bevestigen</span>
                </>
              ) : (
                <>
                  {' · '}
                  <span className="badge saved-badge">bevestigd</span>
                </>
              )}
            </p>
          )}
        </div>
        {proposals.length > 0 && (
          <button type="button" className="button primary" disabled={busy} onClick={() => void apply(`${proposals.length} ${proposals.length === 1 ? 'voorstel' : 'voorstellen'} bevestigd`, () => call('composition.confirm', { areaCode }))}>
            Alles bevestigen ({proposals.length})
          </button>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} />}

      {members.length > 0 && (
        <div className="table-scroll">
          <table className="figures composition-table" aria-label={`Leden van ${areaName}`}>
            <thead>
              <tr>
                <th>Wijk of buurt</th>
                <th>Code</th>
                <th>Status</th>
                <th className="num">Inwoners</th>
                <th>Bron</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.memberCode}>
                  <td>
                    {m.memberName}
                    <div className="small muted">
                      {KIND_LABEL[m.memberKind]}
                      {m.codeYear !== null && ` · indeling ${m.codeYear}`}
                    </div>
                  </td>
                  <td className="mono">{m.memberCode}</td>
                  <td>{m.status === 'proposal' ? <span className="badge confirm-badge">te bevestigen</span> : <span className="badge saved-badge">bevestigd</span>}</td>
                  <td className="num">
                    {m.population !== null ? formatCount(m.population) : <span className="muted" title="Geen inwonertal (a_inw) voor dit gebied in de opslag; importeer de KWB-cijfers van de gemeente.">n.b.</span>}
                    {m.populationPeriod && <div className="small muted">{periodLabel(m.populationPeriod)}</div>}
                  </td>
                  <td className="evidence">
                    {m.source && /^https?:\/\//.test(m.source) ? (
                      <a href={m.source} target="_blank" rel="noreferrer noopener" title={m.source}>
                        {hostOf(m.source)}
                      </a>
                    ) : (
                      <span className={m.source ? undefined : 'muted'}>{m.source ?? (m.status === 'confirmed' ? 'door u gekozen in Wijkverkenner' : 'geen bron')}</span>
                    )}
                    {m.quote && <div className="small muted quote">“{m.quote}”</div>}
                  </td>
                  <td className="actions">
                    {m.status === 'proposal' && (
                      <button type="button" className="link-button" disabled={busy} aria-label={`${m.memberName} bevestigen`} onClick={() => void apply(`${m.memberName} bevestigd`, () => call('composition.confirm', { areaCode, memberCodes: [m.memberCode] }))}>
                        Bevestigen
                      </button>
                    )}
                    <button type="button" className="link-button danger" disabled={busy} aria-label={`${m.memberName} verwijderen`} onClick={() => setRemoving(m)}>
                      Verwijderen
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="composition-tools">
        <MemberSearch
          municipalityCode={summary?.municipalityCode ?? null}
          municipalityName={summary?.municipalityName ?? null}
          existing={new Set(members.map((m) => m.memberCode))}
          disabled={busy}
          onAdd={(h) => void apply(`${h.name} toegevoegd`, () => call('composition.add', { areaCode, memberCodes: [h.code] }))}
        />
        <CompositionImport
          disabled={busy}
          onImported={() => {
            void call('composition.list', { areaCode }).then(setList, setError);
            void loadProbe().then((p) => {
              setBefore(probe);
              setChange('samenstelling geïmporteerd');
              setProbe(p);
            });
            notifyDataChanged();
          }}
        />
      </div>

      <ProbeFigures probe={probe} before={before} change={change} />

      {removing && (
        <ConfirmDialog
          title={`${removing.memberName} uit ${areaName} verwijderen?`}
          confirmLabel="Verwijderen"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const m = removing;
            setRemoving(null);
            void apply(`${m.memberName} verwijderd`, () => call('composition.remove', { areaCode, memberCodes: [m.memberCode] }));
          }}
        >
          <p>De cijfers van {areaName} worden daarna zonder dit gebied berekend. De wijziging wordt bewaard; een eerder berekend cijfer houdt zijn eigen ledenlijst.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** The focus area's figures computed from its members, now and before the last change. */
function ProbeFigures({ probe, before, change }: { probe: Probe | null; before: Probe | null; change: string | null }) {
  if (!probe) return null;
  return (
    <div className="probe" aria-label="Cijfers uit de leden">
      <h3>Cijfers uit de leden (laatste periode)</h3>
      {change && (
        <p className="notice ok" role="status">
          Gewijzigd: {change}. {before ? 'Hieronder de cijfers voor en na.' : ''}
        </p>
      )}
      <table className="figures dense narrow">
        <thead>
          <tr>
            <th>Indicator</th>
            <th className="num">Nu</th>
            {before && <th className="num">Vóór de wijziging</th>}
          </tr>
        </thead>
        <tbody>
          {probe.cells.map((c, i) => (
            <tr key={c.indicatorCode}>
              <td>
                {probe.names[i] ?? c.indicatorName}
                {c.period && <span className="muted small"> · {periodLabel(c.period)}</span>}
              </td>
              <td className="num probe-now" title={c.missingReason ?? c.source ?? ''}>
                {figureText(c)}
                {c.value === null && c.missingReason && <div className="small muted">{c.missingReason}</div>}
              </td>
              {before && <td className="num muted probe-before">{before.cells[i] ? figureText(before.cells[i]) : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Add districts or neighbourhoods of the focus area's municipality, found by code or name. */
function MemberSearch({ municipalityCode, municipalityName, existing, disabled, onAdd }: { municipalityCode: string | null; municipalityName: string | null; existing: ReadonlySet<string>; disabled: boolean; onAdd: (h: AreaHit) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<AreaHit[] | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      call('areas.search', { query: q, kinds: ['district', 'neighbourhood'], ...(municipalityCode ? { underCode: municipalityCode } : {}), limit: 15 }).then(
        (h) => live && setHits(h),
        () => live && setHits([]),
      );
    }, 180);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, municipalityCode]);
  return (
    <div className="member-search">
      <label className="control">
        <span>Wijk of buurt toevoegen{municipalityName ? ` (gemeente ${municipalityName})` : ''}</span>
        <input className="text-input w-xl" type="search" placeholder="Code (WK034403) of naam" aria-label="Wijk of buurt zoeken op code of naam" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {hits && hits.length === 0 && <p className="small muted">Niets gevonden voor “{query.trim()}”. Staan de wijken en buurten van {municipalityName ?? 'de gemeente'} al in de opslag? Importeer anders eerst het KWB-bestand.</p>}
      {hits && hits.length > 0 && (
        <ul className="hit-list" aria-label="Gevonden wijken en buurten">
          {hits.map((h) => (
            <li key={h.code}>
              <span>
                {h.name} <span className="mono muted small">{h.code}</span> <span className="muted small">{KIND_LABEL[h.kind]}{h.population !== null ? ` · ${formatCount(h.population)} inwoners` : ''}</span>
              </span>
              <button type="button" className="button" disabled={disabled || existing.has(h.code)} onClick={() => onAdd(h)} aria-label={`${h.name} toevoegen`}>
                {existing.has(h.code) ? 'Al lid' : 'Toevoegen'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A composition CSV (shaped like the shared focus-area-composition.csv); members arrive as proposals. */
function CompositionImport({ disabled, onImported }: { disabled: boolean; onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ file: string; focusAreas: string[]; members: number; issues: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const take = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const filePath = await getTransport().fileToPath(file);
      const r = await call('composition.import', { filePath });
      setResult({ ...r, file: file.name });
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="composition-import">
      <button type="button" className="button" disabled={disabled || busy} onClick={() => input.current?.click()}>
        Samenstelling importeren (CSV)…
      </button>
      <input ref={input} type="file" className="sr-only" accept=".csv,.txt" aria-label="Samenstelling importeren uit CSV" onChange={(e) => { void take(e.target.files?.[0]); e.target.value = ''; }} />
      <p className="small muted">Kolommen zoals focus-area-composition.csv: focus_area, gemeente_code, level, cbs_code, cbs_name, code_year, evidence_url, evidence_quote, status. Ingelezen leden zijn “te bevestigen”.</p>
      {busy && <p className="small muted" role="status">Bezig met importeren…</p>}
      {error !== null && <ErrorPanel error={error} />}
      {result && (
        <div className="notice ok" role="status">
          {result.file}: {formatCount(result.members)} leden voor {result.focusAreas.length} focusgebied{result.focusAreas.length === 1 ? '' : 'en'}.
          {result.issues.length > 0 && (
            <ul className="plain-list small">
              {result.issues.slice(0, 8).map((i) => (
                <li key={i}>{i}</li>
              ))}
              {result.issues.length > 8 && <li>… en {result.issues.length - 8} meldingen meer</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
