import { useEffect, useMemo, useState } from 'react';
import type { ExportPreview } from '../../../shared/contract/export';
import type { AreaKind } from '../../../shared/contract/model';
import type { BriefingLayoutSpec, BriefingOrigin, BriefingSpecInput } from '../../../shared/domain/briefing';
import { call, getTransport } from '../../api/client';
import { ErrorPanel, Loading } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import { BriefingPreview } from './BriefingPreview';
import { copyForWord, saveExport, type Format } from './output';
import { RULE_CHOICES, ruleKey, ruleOf } from './rules';

type OriginKind = BriefingOrigin['kind'];

const ORIGINS: { kind: OriginKind; label: string }[] = [
  { kind: 'view', label: 'Vergelijking' },
  { kind: 'programme', label: 'Programmacijfers' },
  { kind: 'scenario', label: 'Scenario' },
  { kind: 'figures', label: 'Cijfers per gebied' },
];

const LEVELS: { kind: AreaKind; label: string }[] = [
  { kind: 'focus_area', label: 'Focusgebieden' },
  { kind: 'municipality', label: 'Gemeenten' },
  { kind: 'district', label: 'Wijken' },
  { kind: 'neighbourhood', label: 'Buurten' },
];

const FORMATS: { format: Format; label: string }[] = [
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'csv', label: 'CSV (Nederlandse Excel)' },
  { format: 'html', label: 'HTML (Word)' },
];

/** Move item `id` one place up or down in `ids`. */
function moved(ids: string[], id: string, by: -1 | 1): string[] {
  const i = ids.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= ids.length) return ids;
  const out = [...ids];
  [out[i], out[j]] = [out[j] as string, out[i] as string];
  return out;
}

/** The ↑ ↓ pair that moves a column or row one place (labels say which way, for screen readers). */
function OrderButtons({ labels, disabled, onMove }: { labels: [string, string]; disabled: boolean; onMove: (by: -1 | 1) => void }) {
  return (
    <span className="order-buttons">
      <button type="button" className="link-button" aria-label={labels[0]} disabled={disabled} onClick={() => onMove(-1)}>
        ↑
      </button>
      <button type="button" className="link-button" aria-label={labels[1]} disabled={disabled} onClick={() => onMove(1)}>
        ↓
      </button>
    </span>
  );
}

/** Exporteren: build a briefing table from a saved comparison view, the programme facts, a scenario or stored figures; preview it in house style; save, download or copy it. */
export function ExportScreen() {
  const [origin, setOrigin] = useState<BriefingOrigin>({ kind: 'programme' });
  const [layout, setLayout] = useState<BriefingLayoutSpec>({});
  const [format, setFormat] = useState<Format>('xlsx');
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [briefingName, setBriefingName] = useState('');

  const [scenarios] = useCall('scenario.list', {});
  const [templates] = useCall('scenario.templates', {});
  const [indicators] = useCall('indicators.list', {});
  const [level, setLevel] = useState<AreaKind>('focus_area');
  const [areas] = useCall('areas.list', { kind: level });
  const [saved, reloadSaved] = useCall('briefings.list', {});
  const [views] = useCall('views.list', {});
  const viewNames = useMemo(() => (views.status === 'ok' ? views.value.map((v) => v.name) : []), [views]);

  const spec: BriefingSpecInput = useMemo(() => ({ origin, layout }), [origin, layout]);
  const [previewState] = useCall('export.preview', spec);
  // Keep the last good preview and choices while a new one loads or when the table is empty.
  const [last, setLast] = useState<ExportPreview | null>(null);
  useEffect(() => {
    if (previewState.status === 'ok') setLast(previewState.value);
  }, [previewState]);

  const chooseOrigin = (o: BriefingOrigin) => {
    setOrigin(o);
    setLayout({});
    setLast(null);
    setNotice(null);
  };

  const scenarioChoices = useMemo(() => {
    const out: { value: string; label: string }[] = [];
    if (scenarios.status === 'ok') for (const s of scenarios.value) out.push({ value: s.id, label: `${s.name} (opgeslagen)` });
    if (templates.status === 'ok') for (const t of templates.value) out.push({ value: t.id, label: `${t.name} (sjabloon)` });
    return out;
  }, [scenarios, templates]);

  const indicatorChoices = useMemo(() => (indicators.status === 'ok' ? indicators.value.filter((i) => !i.code.startsWith('nplv_')) : []), [indicators]);

  const startOrigin = (kind: OriginKind) => {
    if (kind === 'programme') chooseOrigin({ kind: 'programme' });
    else if (kind === 'view') {
      if (viewNames[0]) chooseOrigin({ kind: 'view', view: viewNames[0] });
      else setNotice('Nog geen opgeslagen vergelijking: bewaar er een in Vergelijken.');
    }
    else if (kind === 'scenario') chooseOrigin({ kind: 'scenario', scenario: scenarioChoices[0]?.value ?? 'kansrijke-wijk-stop', table: 'funding' });
    else if (kind === 'figures') {
      const areaCodes = areas.status === 'ok' ? areas.value.slice(0, 200).map((a) => a.code) : [];
      chooseOrigin({ kind: 'figures', areas: areaCodes.length > 0 ? areaCodes : ['NPLV'], indicators: indicatorChoices.slice(0, 3).map((i) => i.code), period: null });
    }
  };

  // Figures: follow the chosen level's areas.
  useEffect(() => {
    if (origin.kind !== 'figures' || areas.status !== 'ok' || areas.value.length === 0) return;
    const codes = areas.value.slice(0, 200).map((a) => a.code);
    if (JSON.stringify(codes) !== JSON.stringify(origin.areas)) setOrigin({ ...origin, areas: codes });
  }, [areas, origin]);

  const preview = last;
  const available = preview?.available ?? { columns: [], rows: [] };
  const shownColumns = layout.columns ?? available.columns.map((c) => c.id);
  const shownRows = layout.rows ?? available.rows.map((r) => r.id);
  const columnOrder = [...shownColumns, ...available.columns.map((c) => c.id).filter((id) => !shownColumns.includes(id))];
  const rowOrder = [...shownRows, ...available.rows.map((r) => r.id).filter((id) => !shownRows.includes(id))];
  const columnLabel = new Map(available.columns.map((c) => [c.id, c.label]));
  const rowInfo = new Map(available.rows.map((r) => [r.id, r]));
  const rules = new Map(preview?.table.columns.map((c) => [c.id, c.rule]) ?? []);
  const update = (patch: Partial<BriefingLayoutSpec>) => setLayout((l) => ({ ...l, ...patch }));
  const footnotes = layout.footnotes ?? preview?.table.footnotes ?? [];
  const disclosure = { threshold: 10, suppress: false, ...preview?.table.disclosure, ...layout.disclosure };

  const run = async (what: () => Promise<string | null>) => {
    setBusy(true);
    setActionError(null);
    try {
      const text = await what();
      if (text) setNotice(text);
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };

  const isElectron = getTransport().kind === 'electron';

  return (
    <section className="screen export-screen">
      <header className="screen-header">
        <h1>Exporteren</h1>
        <p className="lede">Een tabel in huisstijl voor een Kamerbrief of notitie: bijschrift, eenheden, afronding, voetnoten en een bronregel uit de herkomst van elk cijfer.</p>
      </header>
      <div className="export-layout">
        <div className="export-builder" aria-label="Tabel opbouwen">
          <fieldset className="export-card">
            <legend>Uitgangspunt</legend>
            <div className="segmented" role="group" aria-label="Uitgangspunt">
              {ORIGINS.map((o) => (
                <button key={o.kind} type="button" aria-pressed={origin.kind === o.kind} onClick={() => startOrigin(o.kind)}>
                  {o.label}
                </button>
              ))}
            </div>
            {origin.kind === 'view' && (
              <div className="export-fields">
                <label>
                  Opgeslagen vergelijking
                  <select className="select" value={origin.view} onChange={(e) => chooseOrigin({ kind: 'view', view: e.target.value })}>
                    {viewNames.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            )}
            {origin.kind === 'scenario' && (
              <div className="export-fields">
                <label>
                  Scenario
                  <select className="select" value={origin.scenario} onChange={(e) => chooseOrigin({ ...origin, scenario: e.target.value })}>
                    {scenarioChoices.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Tabel
                  <select className="select" value={origin.table} onChange={(e) => chooseOrigin({ ...origin, table: e.target.value as 'funding' | 'housing' | 'bands' })}>
                    <option value="funding">Bedragen per focusgebied en jaar</option>
                    <option value="housing">Resterende slechte woningen per jaar</option>
                    <option value="bands">Bandbreedte (P10/P50/P90) per jaar</option>
                  </select>
                </label>
              </div>
            )}
            {origin.kind === 'figures' && (
              <div className="export-fields">
                <label>
                  Gebieden
                  <select className="select" value={level} onChange={(e) => setLevel(e.target.value as AreaKind)}>
                    {LEVELS.map((l) => (
                      <option key={l.kind} value={l.kind}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                </label>
                <div className="export-checklist" role="group" aria-label="Indicatoren">
                  {indicatorChoices.map((i) => (
                    <label key={i.code}>
                      <input
                        type="checkbox"
                        checked={origin.indicators.includes(i.code)}
                        onChange={(e) =>
                          chooseOrigin({ ...origin, indicators: e.target.checked ? [...origin.indicators, i.code] : origin.indicators.filter((c) => c !== i.code) })
                        }
                      />{' '}
                      {i.name}
                    </label>
                  ))}
                  {indicatorChoices.length === 0 && <p className="muted small">Nog geen geïmporteerde indicatoren: importeer eerst een bestand.</p>}
                </div>
              </div>
            )}
          </fieldset>

          <fieldset className="export-card">
            <legend>Titel</legend>
            <div className="export-fields">
              <label>
                Tabelnummer
                <input
                  className="num-input"
                  type="number"
                  min={1}
                  max={999}
                  value={(layout.number !== undefined ? layout.number : preview?.table.number) ?? ''}
                  onChange={(e) => update({ number: e.target.value === '' ? null : Number(e.target.value) })}
                />
              </label>
              <label>
                Bijschrift
                <input className="text-input" value={layout.caption ?? preview?.table.caption ?? ''} onChange={(e) => update({ caption: e.target.value })} />
              </label>
              <label>
                Ondertitel
                <input
                  className="text-input"
                  value={(layout.subtitle !== undefined ? layout.subtitle : preview?.table.subtitle) ?? ''}
                  onChange={(e) => update({ subtitle: e.target.value === '' ? null : e.target.value })}
                />
              </label>
            </div>
          </fieldset>

          <fieldset className="export-card">
            <legend>Kolommen</legend>
            <ul className="export-list">
              {columnOrder.map((id) => {
                const shown = shownColumns.includes(id);
                return (
                  <li key={id} className={shown ? '' : 'hidden-item'}>
                    <input
                      type="checkbox"
                      aria-label={`Kolom ${columnLabel.get(id) ?? id} tonen`}
                      checked={shown}
                      onChange={(e) => update({ columns: e.target.checked ? [...shownColumns, id] : shownColumns.filter((c) => c !== id) })}
                    />
                    <input
                      className="text-input"
                      aria-label={`Kop van kolom ${columnLabel.get(id) ?? id}`}
                      value={layout.labels?.[id] ?? columnLabel.get(id) ?? id}
                      onChange={(e) => update({ labels: { ...layout.labels, [id]: e.target.value } })}
                    />
                    <select
                      className="select"
                      aria-label={`Afronding van kolom ${columnLabel.get(id) ?? id}`}
                      value={ruleKey(layout.rules?.[id] ?? rules.get(id) ?? { kind: 'auto' })}
                      onChange={(e) => update({ rules: { ...layout.rules, [id]: ruleOf(e.target.value) } })}
                    >
                      {RULE_CHOICES.map((c) => (
                        <option key={c.key} value={c.key}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                    <OrderButtons
                      labels={[`Kolom ${columnLabel.get(id) ?? id} naar links`, `Kolom ${columnLabel.get(id) ?? id} naar rechts`]}
                      disabled={!shown}
                      onMove={(by) => update({ columns: moved(shownColumns, id, by) })}
                    />
                  </li>
                );
              })}
            </ul>
          </fieldset>

          <fieldset className="export-card">
            <legend>Rijen</legend>
            <label className="inline-check">
              <input
                type="checkbox"
                checked={layout.total !== undefined ? layout.total : preview?.table.total !== null && preview?.table.total !== undefined}
                onChange={(e) => update({ total: e.target.checked })}
              />{' '}
              Totaalrij (berekend uit de onafgeronde cijfers)
            </label>
            <ul className="export-list rows">
              {rowOrder.map((id) => {
                const shown = shownRows.includes(id);
                const info = rowInfo.get(id);
                return (
                  <li key={id} className={`${shown ? '' : 'hidden-item'} ${info?.kind === 'group' ? 'group-item' : ''}`}>
                    <label>
                      <input
                        type="checkbox"
                        checked={shown}
                        onChange={(e) => update({ rows: e.target.checked ? [...shownRows, id] : shownRows.filter((r) => r !== id) })}
                      />{' '}
                      {info?.label ?? id}
                    </label>
                    <OrderButtons
                      labels={[`Rij ${info?.label ?? id} omhoog`, `Rij ${info?.label ?? id} omlaag`]}
                      disabled={!shown}
                      onMove={(by) => update({ rows: moved(shownRows, id, by) })}
                    />
                  </li>
                );
              })}
            </ul>
          </fieldset>

          <fieldset className="export-card">
            <legend>Voetnoten</legend>
            {footnotes.map((f, i) => (
              <div key={i} className="footnote-edit">
                <span className="muted">{f.marker}</span>
                <textarea
                  className="text-input"
                  aria-label={`Voetnoot ${f.marker}`}
                  rows={2}
                  value={f.text}
                  onChange={(e) => update({ footnotes: footnotes.map((g, j) => (j === i ? { ...g, text: e.target.value } : g)) })}
                />
                <button type="button" className="link-button danger" onClick={() => update({ footnotes: footnotes.filter((_, j) => j !== i).map((g, j) => ({ ...g, marker: `${j + 1})` })) })}>
                  Verwijderen
                </button>
              </div>
            ))}
            <button type="button" className="button" onClick={() => update({ footnotes: [...footnotes, { marker: `${footnotes.length + 1})`, text: 'Nieuwe voetnoot.' }] })}>
              Voetnoot toevoegen
            </button>
          </fieldset>

          <fieldset className="export-card">
            <legend>Onthullingscontrole</legend>
            <div className="export-fields">
              <label>
                Drempel voor kleine aantallen op buurtniveau
                <input
                  className="num-input"
                  type="number"
                  min={1}
                  max={1000}
                  value={disclosure.threshold}
                  onChange={(e) => update({ disclosure: { ...layout.disclosure, threshold: Math.max(1, Number(e.target.value) || 1) } })}
                />
              </label>
              <label className="inline-check">
                <input type="checkbox" checked={disclosure.suppress} onChange={(e) => update({ disclosure: { ...layout.disclosure, suppress: e.target.checked } })} /> Kleine aantallen
                onderdrukken als x
              </label>
            </div>
            {preview && preview.layout.disclosure.flags.length > 0 ? (
              <p className="warn small" role="status">
                {preview.layout.disclosure.flags.length} klein(e) aantal(len) onder {disclosure.threshold}:{' '}
                {preview.layout.disclosure.flags
                  .slice(0, 5)
                  .map((f) => `${f.rowLabel} (${f.columnHeader})`)
                  .join('; ')}
                {disclosure.suppress ? ' — getoond als x.' : ' — nog zichtbaar.'}
              </p>
            ) : (
              <p className="muted small">Geen kleine aantallen op buurtniveau in deze tabel.</p>
            )}
          </fieldset>
        </div>

        <div className="export-result">
          <div className="export-actions" aria-label="Uitvoer">
            <div className="segmented" role="group" aria-label="Bestandsformaat">
              {FORMATS.map((f) => (
                <button key={f.format} type="button" aria-pressed={format === f.format} onClick={() => setFormat(f.format)}>
                  {f.label}
                </button>
              ))}
            </div>
            <button type="button" className="button primary" disabled={busy || !preview} onClick={() => void run(() => saveExport(spec, format))}>
              {isElectron ? 'Opslaan als…' : 'Downloaden'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || !preview}
              onClick={() =>
                void run(async () => {
                  if (preview) await copyForWord(preview.layout);
                  return 'Tabel gekopieerd: plak hem in Word.';
                })
              }
            >
              Kopiëren voor Word
            </button>
          </div>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {actionError !== null && <ErrorPanel error={actionError} />}
          {previewState.status === 'error' && <ErrorPanel error={previewState.error} />}
          {previewState.status === 'loading' && !preview && <Loading what="Voorbeeld" />}
          {preview && (
            <>
              <h2 className="sr-only">Voorbeeld</h2>
              <BriefingPreview layout={preview.layout} />
              <p className="muted small">
                Uitgangspunt: {preview.origin}. In Excel blijven de cijfers exact; de afronding zit in de getalnotatie. Het blad <em>Verantwoording</em> noemt elke bron.
              </p>
            </>
          )}

          <fieldset className="export-card">
            <legend>Briefing bewaren</legend>
            <p className="muted small">Bewaar uitgangspunt en opmaak onder een naam; volgend jaar maakt u dezelfde tabel met de nieuwe cijfers (ook met <span className="mono">export --briefing NAAM</span>).</p>
            <div className="rename">
              <input className="text-input" aria-label="Naam van de briefing" placeholder="Naam, bijv. Monitor wonen" value={briefingName} onChange={(e) => setBriefingName(e.target.value)} />
              <button
                type="button"
                className="button"
                disabled={busy || briefingName.trim() === ''}
                onClick={() =>
                  void run(async () => {
                    const b = await call('briefings.save', { name: briefingName.trim(), spec, replace: true });
                    reloadSaved();
                    return `Briefing bewaard: ${b.name}`;
                  })
                }
              >
                Bewaren
              </button>
            </div>
            {saved.status === 'ok' && saved.value.length > 0 && (
              <ul className="export-list saved">
                {saved.value.map((b) => (
                  <li key={b.name}>
                    <span>{b.name}</span>
                    <span className="order-buttons">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setOrigin(b.spec.origin);
                          setLayout(b.spec.layout);
                          setBriefingName(b.name);
                          setNotice(`Briefing geopend: ${b.name} (met de cijfers van vandaag)`);
                        }}
                      >
                        Openen
                      </button>
                      <button
                        type="button"
                        className="link-button danger"
                        onClick={() =>
                          void run(async () => {
                            await call('briefings.delete', { name: b.name });
                            reloadSaved();
                            return `Briefing verwijderd: ${b.name}`;
                          })
                        }
                      >
                        Verwijderen
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </div>
      </div>
    </section>
  );
}
