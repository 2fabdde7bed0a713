import { useState } from 'react';
import type { SavedScenario } from '../../../shared/contract/scenario';
import type { TemplateInfo } from '../../../shared/domain/scenario';

/** Templates to start from, and saved scenarios with open, duplicate, rename and delete. */
export function ScenarioList({
  templates,
  saved,
  openId,
  onNew,
  onOpen,
  onDuplicate,
  onRename,
  onDelete,
}: {
  templates: readonly TemplateInfo[];
  saved: readonly SavedScenario[];
  openId: string | null;
  onNew: (templateId: string) => void;
  onOpen: (id: string) => void;
  onDuplicate: (id: string) => void;
  onRename: (id: string, name: string) => Promise<boolean>;
  onDelete: (s: SavedScenario) => void;
}) {
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  return (
    <aside className="scenario-list" aria-label="Scenario's">
      <h2>Nieuw uit sjabloon</h2>
      <ul className="template-list">
        {templates.map((t) => (
          <li key={t.id}>
            <button type="button" className="list-button" onClick={() => onNew(t.id)} title={t.description} aria-label={`Nieuw scenario uit sjabloon ${t.name}`}>
              <span className="list-title">{t.name}</span>
              <span className="list-meta">{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2>
        Opgeslagen <span className="count">({saved.length})</span>
      </h2>
      {saved.length === 0 && <p className="muted small">Nog geen opgeslagen scenario's. Begin met een sjabloon en kies ‘Opslaan’.</p>}
      <ul className="saved-list">
        {saved.map((s) => (
          <li key={s.id} className={s.id === openId ? 'open' : undefined}>
            {renaming?.id === s.id ? (
              <form
                className="rename"
                onSubmit={(e) => {
                  e.preventDefault();
                  void onRename(s.id, renaming.name).then((ok) => ok && setRenaming(null));
                }}
              >
                <input className="text-input" aria-label={`Nieuwe naam voor ${s.name}`} value={renaming.name} autoFocus onChange={(e) => setRenaming({ id: s.id, name: e.target.value })} onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)} />
                <button type="submit" className="link-button">
                  Opslaan
                </button>
                <button type="button" className="link-button" onClick={() => setRenaming(null)}>
                  Annuleren
                </button>
              </form>
            ) : (
              <button type="button" className="list-button" onClick={() => onOpen(s.id)} aria-current={s.id === openId ? 'true' : undefined}>
                <span className="list-title">{s.name}</span>
                <span className="list-meta">
                  {s.years.from}–{s.years.to} · {s.streams} {s.streams === 1 ? 'regeling' : 'regelingen'}
                  {s.hasHousing ? ' · woningen' : ''}
                </span>
              </button>
            )}
            <div className="list-actions">
              <button type="button" className="link-button" onClick={() => onDuplicate(s.id)} aria-label={`${s.name} dupliceren`}>
                Dupliceren
              </button>
              <button type="button" className="link-button" onClick={() => setRenaming({ id: s.id, name: s.name })} aria-label={`${s.name} hernoemen`}>
                Hernoemen
              </button>
              <button type="button" className="link-button danger" onClick={() => onDelete(s)} aria-label={`${s.name} verwijderen`}>
                Verwijderen
              </button>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
