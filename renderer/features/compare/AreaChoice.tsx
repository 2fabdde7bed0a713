import { useEffect, useState } from 'react';
import type { AreaHit } from '../../../shared/contract/compare';
import { formatCount } from '../../../shared/domain/format';
import { call } from '../../api/client';
import { ErrorPanel } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';
import { KIND_LABEL } from '../areas/AreasGrid';

export type AreaMode = 'focus' | 'municipalities' | 'districts' | 'neighbourhoods' | 'all_neighbourhoods' | 'custom';

const MODES: { value: AreaMode; label: string }[] = [
  { value: 'focus', label: 'De 20 focusgebieden' },
  { value: 'municipalities', label: 'Gemeenten' },
  { value: 'districts', label: 'Wijken van een gemeente' },
  { value: 'neighbourhoods', label: 'Buurten van een gemeente' },
  { value: 'all_neighbourhoods', label: 'Alle buurten in de opslag' },
  { value: 'custom', label: 'Eigen keuze' },
];

export type AreasValue = 'focus' | string[];

/**
 * Which areas are the rows: the focus areas (default), municipalities, the districts or
 * neighbourhoods of one municipality, every neighbourhood in the store, or a hand-picked list.
 */
export function AreaChoice({ value, mode, onChange, names }: { value: AreasValue; mode: AreaMode; onChange: (areas: AreasValue, mode: AreaMode) => void; names: ReadonlyMap<string, string> }) {
  const [municipalities] = useCall('areas.list', { kind: 'municipality' });
  const [municipality, setMunicipality] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The mode being chosen: "districts" shows the municipality select before any area is resolved.
  const [picking, setPicking] = useState<AreaMode>(mode);
  useEffect(() => {
    setPicking(mode);
  }, [mode]);
  const munis = municipalities.status === 'ok' ? [...municipalities.value].sort((a, b) => a.name.localeCompare(b.name, 'nl')) : [];

  const resolve = async (next: AreaMode, muni: string): Promise<void> => {
    setPicking(next);
    setNote(null);
    setError(null);
    if (next === 'focus') return onChange('focus', next);
    if (next === 'custom') return onChange(Array.isArray(value) ? value : [], next);
    setBusy(true);
    try {
      let codes: string[] = [];
      let what = '';
      if (next === 'municipalities') {
        codes = munis.map((m) => m.code);
        what = 'gemeenten';
      } else if (next === 'all_neighbourhoods') {
        codes = (await call('areas.list', { kind: 'neighbourhood' })).map((a) => a.code);
        what = 'buurten';
      } else {
        if (!muni) {
          setNote('Kies een gemeente.');
          return;
        }
        const kind = next === 'districts' ? 'district' : 'neighbourhood';
        codes = (await call('areas.search', { query: '', kinds: [kind], underCode: muni, limit: 500 })).map((a) => a.code);
        what = `${next === 'districts' ? 'wijken' : 'buurten'} van ${munis.find((m) => m.code === muni)?.name ?? muni}`;
      }
      if (codes.length === 0) setNote(`Geen ${what} in de opslag. Importeer eerst de Kerncijfers Wijken en Buurten (KWB) van CBS via Importeren.`);
      else onChange(codes, next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="area-choice">
      <label className="control">
        <span>Gebieden</span>
        <select className="select" value={picking} onChange={(e) => void resolve(e.target.value as AreaMode, municipality)} aria-label="Welke gebieden">
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {(picking === 'districts' || picking === 'neighbourhoods') && (
        <label className="control">
          <span>Gemeente</span>
          <select
            className="select"
            value={municipality}
            aria-label="Gemeente van de wijken of buurten"
            onChange={(e) => {
              setMunicipality(e.target.value);
              void resolve(picking, e.target.value);
            }}
          >
            <option value="">Kies…</option>
            {munis.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {busy && <span className="muted small" role="status">Gebieden zoeken…</span>}
      {Array.isArray(value) && picking === mode && mode !== 'custom' && !busy && <span className="muted small">{formatCount(value.length)} gebieden</span>}
      {note && <span className="warn small">{note}</span>}
      {error !== null && <ErrorPanel error={error} />}
      {picking === 'custom' && <CustomAreas codes={Array.isArray(value) ? value : []} names={names} onChange={(codes) => onChange(codes, 'custom')} />}
    </div>
  );
}

/** Hand-picked areas: search by code or name, add, remove. */
function CustomAreas({ codes, names, onChange }: { codes: string[]; names: ReadonlyMap<string, string>; onChange: (codes: string[]) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<AreaHit[]>([]);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      call('areas.search', { query: q, limit: 12 }).then(
        (h) => live && setHits(h),
        () => live && setHits([]),
      );
    }, 180);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);
  const add = (h: AreaHit): void => {
    setKnown((k) => new Map(k).set(h.code, h.name));
    if (!codes.includes(h.code)) onChange([...codes, h.code]);
  };
  return (
    <div className="custom-areas">
      <ul className="chips" aria-label="Gekozen gebieden">
        {codes.length === 0 && <li className="muted small">Nog geen gebieden gekozen: zoek hiernaast op naam of code.</li>}
        {codes.map((c) => (
          <li key={c} className="chip">
            {known.get(c) ?? names.get(c) ?? c} <span className="mono muted">{c}</span>
            <button type="button" className="icon-button small" aria-label={`${known.get(c) ?? names.get(c) ?? c} weghalen`} onClick={() => onChange(codes.filter((x) => x !== c))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="search-box">
        <input className="text-input" type="search" placeholder="Gebied zoeken (naam of code)" aria-label="Gebied zoeken op naam of code" value={query} onChange={(e) => setQuery(e.target.value)} />
        {hits.length > 0 && (
          <ul className="search-hits" aria-label="Gevonden gebieden">
            {hits.map((h) => (
              <li key={h.code}>
                <button type="button" className="list-button" onClick={() => add(h)} disabled={codes.includes(h.code)}>
                  {h.name} <span className="muted small">{KIND_LABEL[h.kind]}{h.parentName ? `, ${h.parentName}` : ''}</span> <span className="mono muted small">{h.code}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
