import { useRef, useState } from 'react';
import type { ImportBoundariesResult } from '../../../shared/contract/maps';
import { call, getTransport } from '../../api/client';
import { ErrorPanel } from '../../ui/StatusPanels';

export const CBS_KWB_MAP_URL = 'https://www.cbs.nl/nl-nl/dossier/nederland-regionaal/geografische-data/wijk-en-buurtkaart-2024';

const KIND_WORD = { municipality: 'gemeenten', district: 'wijken', neighbourhood: 'buurten' } as const;

/** Pick a boundary file (GeoPackage, GeoJSON, TopoJSON) and import it, with the year of the boundaries. */
export function BoundaryImport({ onImported }: { onImported: (r: ImportBoundariesResult) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [year, setYear] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ImportBoundariesResult | null>(null);
  const take = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setError(null);
    setDone(null);
    setBusy(file.name);
    try {
      const filePath = await getTransport().fileToPath(file);
      const y = Number(year);
      const res = await call('maps.importBoundaries', { filePath, fileName: file.name, ...(year.trim() && Number.isInteger(y) ? { year: y } : {}) });
      setDone(res);
      onImported(res);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="boundary-import">
      <div className="form-inline">
        <button type="button" className="button primary" onClick={() => input.current?.click()} disabled={busy !== null}>
          Gebiedsgrenzen importeren…
        </button>
        <label className="form-inline small">
          Jaar van de grenzen
          <input className="num-input w-sm" inputMode="numeric" placeholder="uit bestand" value={year} onChange={(e) => setYear(e.target.value)} aria-label="Jaar van de grenzen" />
        </label>
        <input
          ref={input}
          type="file"
          className="sr-only"
          aria-label="Bestand met gebiedsgrenzen"
          accept=".gpkg,.geojson,.json,.topojson"
          onChange={(e) => {
            void take(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {busy && <p role="status" className="muted">{busy} wordt ingelezen…</p>}
      {done && (
        <p role="status" className="notice">
          {done.set.fileName}: {done.set.featuresKept.toLocaleString('nl-NL')} grenzen van {done.set.year} opgenomen (
          {Object.entries(done.byKind).filter(([, n]) => n > 0).map(([k, n]) => `${n.toLocaleString('nl-NL')} ${KIND_WORD[k as keyof typeof KIND_WORD]}`).join(', ')}
          ), {done.matchedAreas.toLocaleString('nl-NL')} daarvan zijn gebieden in het project; coördinaten {done.set.crs === 'EPSG:28992' ? 'omgerekend van RD New' : 'in WGS84'}.
          {done.replaced > 0 && ` ${done.replaced.toLocaleString('nl-NL')} eerdere grenzen van hetzelfde jaar vervangen.`}
          {done.skipped.length > 0 && ` ${done.skipped.length} objecten overgeslagen (${done.skipped[0]!.reason}).`}
        </p>
      )}
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}
