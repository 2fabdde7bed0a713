import { useState } from 'react';
import type { SavedView } from '../../../shared/contract/compare';
import { formatCount } from '../../../shared/domain/format';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorPanel } from '../../ui/StatusPanels';
import { useCall } from '../../ui/use-call';

const when = (iso: string): string => new Date(iso).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short' });

function describe(v: SavedView): string {
  const s = v.state;
  const areas = s.areas === 'focus' ? 'focusgebieden' : `${formatCount(s.areas.length)} gebieden`;
  const period = s.period === 'latest' ? 'laatste periode' : s.period;
  return `${areas} · ${s.indicators.length} indicatoren · ${period}${s.compareTo ? ` t.o.v. ${s.compareTo}` : ''}`;
}

/** Saved comparisons: save the current one by name, open, rename, delete. */
export function SavedViews({ current, openName, onOpen, onSave }: { current: SavedView['state']; openName: string | null; onOpen: (v: SavedView) => void; onSave: (v: SavedView) => void }) {
  const [list, reload] = useCall('views.list', {});
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [deleting, setDeleting] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<string | null>(null);
  const views = list.status === 'ok' ? list.value : [];

  const save = async (n: string): Promise<void> => {
    setError(null);
    try {
      const v = await call('views.save', { name: n, state: current, overwrite: true });
      setName('');
      reload();
      onSave(v);
    } catch (e) {
      setError(e);
    }
  };
  const trySave = (): void => {
    const n = name.trim();
    if (!n) return;
    if (views.some((v) => v.name === n)) setReplacing(n);
    else void save(n);
  };
  const open = async (n: string): Promise<void> => {
    setError(null);
    try {
      onOpen(await call('views.get', { name: n }));
    } catch (e) {
      setError(e);
    }
  };
  const rename = async (): Promise<void> => {
    if (!renaming || !newName.trim()) return;
    setError(null);
    try {
      await call('views.rename', { name: renaming, newName: newName.trim() });
      setRenaming(null);
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (n: string): Promise<void> => {
    setDeleting(null);
    setError(null);
    try {
      await call('views.delete', { name: n });
      reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="saved-views">
      <form
        className="save-form"
        onSubmit={(e) => {
          e.preventDefault();
          trySave();
        }}
      >
        <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Naam van deze weergave" aria-label="Naam van de weergave" maxLength={200} />
        <button type="submit" className="button primary" disabled={!name.trim() || current.indicators.length === 0}>
          Opslaan
        </button>
      </form>
      {error !== null && <ErrorPanel error={error} />}
      {list.status === 'error' && <ErrorPanel error={list.error} />}
      {list.status === 'ok' && views.length === 0 && <p className="muted small">Nog geen opgeslagen weergaven. Geef deze vergelijking een naam en sla hem op; u opent hem later met dezelfde gebieden, indicatoren en periode.</p>}
      <ul className="view-list" aria-label="Opgeslagen weergaven">
        {views.map((v) => (
          <li key={v.id} className={v.name === openName ? 'open' : undefined}>
            {renaming === v.name ? (
              <form
                className="rename"
                onSubmit={(e) => {
                  e.preventDefault();
                  void rename();
                }}
              >
                <input className="text-input" value={newName} onChange={(e) => setNewName(e.target.value)} aria-label={`Nieuwe naam voor ${v.name}`} autoFocus />
                <button type="submit" className="button">
                  OK
                </button>
                <button type="button" className="link-button" onClick={() => setRenaming(null)}>
                  Annuleren
                </button>
              </form>
            ) : (
              <>
                <button type="button" className="list-button" onClick={() => void open(v.name)} title={`Openen · bewaard ${when(v.updatedAt)}`}>
                  <span className="list-title">{v.name}</span>
                  <span className="list-meta">{describe(v)}</span>
                </button>
                <div className="list-actions">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setRenaming(v.name);
                      setNewName(v.name);
                    }}
                    aria-label={`${v.name} hernoemen`}
                  >
                    Hernoemen
                  </button>
                  <button type="button" className="link-button danger" onClick={() => setDeleting(v.name)} aria-label={`${v.name} verwijderen`}>
                    Verwijderen
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog title={`Weergave “${deleting}” verwijderen?`} confirmLabel="Verwijderen" danger onConfirm={() => void remove(deleting)} onCancel={() => setDeleting(null)}>
          <p>De cijfers zelf blijven bewaard; alleen deze opgeslagen keuze verdwijnt.</p>
        </ConfirmDialog>
      )}
      {replacing && (
        <ConfirmDialog
          title={`Er is al een weergave “${replacing}”`}
          confirmLabel="Vervangen"
          onConfirm={() => {
            const n = replacing;
            setReplacing(null);
            void save(n);
          }}
          onCancel={() => setReplacing(null)}
        >
          <p>Vervangen door de huidige vergelijking?</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
