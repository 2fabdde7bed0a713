import { useRef, useState, type DragEvent } from 'react';
import { getTransport } from '../../api/client';
import { ErrorPanel } from '../../ui/StatusPanels';

/** Step 1: a file by the chooser or dropped on the page. The web shell uploads it; Electron gives its path. */
export function FileStep({ onChosen }: { onChosen: (file: { path: string; name: string }) => void }) {
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  const take = (file: File | undefined): void => {
    if (!file) return;
    setError(null);
    setBusy(file.name);
    getTransport()
      .fileToPath(file)
      .then(
        (path) => onChosen({ path, name: file.name }),
        (err: unknown) => setError(err),
      )
      .finally(() => setBusy(null));
  };
  const drop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };

  return (
    <div>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p className="drop-title">Sleep een spreadsheet hierheen</p>
        <p className="muted">of</p>
        <button type="button" className="button primary" onClick={() => input.current?.click()} disabled={busy !== null}>
          Kies een bestand…
        </button>
        <input
          ref={input}
          type="file"
          className="sr-only"
          aria-label="Bestand om te importeren"
          accept=".xlsx,.xls,.ods,.csv,.txt,.tsv"
          onChange={(e) => {
            take(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <p className="muted small">Excel (.xlsx, .xls), OpenDocument (.ods) of tekst (.csv, .txt met ; , of tab), tot 200 MB en 10 miljoen cellen.</p>
        {busy && (
          <p role="status" className="muted">
            {busy} wordt geopend…
          </p>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}
