import { useCallback, useState } from 'react';
import type { SavedScenario } from '../../../shared/contract/scenario';
import { call } from '../../api/client';
import type { Draft } from './editor/draft';
import { freshId, freshName } from './editor/draft';
import type { ScenarioLibrary } from './use-scenario-library';

/** The scenario being worked on. */
export interface Working {
  draft: Draft;
  /** Id under which it is saved (null: not saved yet). */
  savedId: string | null;
  templateId: string | null;
  dirty: boolean;
}

/**
 * One opening of a scenario. `session` changes each time a scenario is opened or begun from a
 * template (never on an edit, a save or a rename), so whatever was computed for one opening —
 * a run, Monte Carlo bands — goes with it and never shows under the next.
 */
export interface Opened {
  session: number;
  working: Working;
}

export type Pending = { kind: 'open'; action: () => void; what: string } | { kind: 'delete'; scenario: SavedScenario };

export interface OpenedScenario {
  opened: Opened | null;
  setWorking: (change: (w: Working) => Working) => void;
  notice: string | null;
  setNotice: (n: string | null) => void;
  error: unknown;
  setError: (e: unknown) => void;
  pending: Pending | null;
  setPending: (p: Pending | null) => void;
  newFromTemplate: (templateId: string) => void;
  open: (id: string) => void;
  duplicate: (id: string) => void;
  rename: (id: string, name: string) => Promise<boolean>;
  remove: (s: SavedScenario) => void;
}

/** Opening, beginning, and the list's actions (duplicate, rename, delete), with the "discard changes?" guard. */
export function useOpenedScenario(library: Pick<ScenarioLibrary, 'saved' | 'templates' | 'reloadSaved'>): OpenedScenario {
  const { saved, templates, reloadSaved } = library;
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const working = opened?.working ?? null;

  const setWorking = useCallback((change: (w: Working) => Working) => setOpened((o) => (o ? { ...o, working: change(o.working) } : o)), []);

  const guard = (what: string, action: () => void) => {
    if (working?.dirty) setPending({ kind: 'open', action, what });
    else action();
  };

  const begin = (w: Working) => {
    setOpened((o) => ({ session: (o?.session ?? 0) + 1, working: w }));
    setError(null);
    setNotice(null);
  };

  const newFromTemplate = (templateId: string) =>
    guard('een nieuw scenario beginnen', () => {
      void call('scenario.template', { id: templateId }).then(
        (def) => {
          const ids = new Set([...saved.map((s) => s.id), ...templates.map((t) => t.id)]);
          const names = new Set(saved.map((s) => s.name));
          begin({ draft: { ...def, id: freshId(def.id, ids), name: freshName(def.name, names) }, savedId: null, templateId, dirty: true });
        },
        (e: unknown) => setError(e),
      );
    });

  const open = (id: string) =>
    guard('een ander scenario openen', () => {
      void call('scenario.get', { id }).then(
        (got) => begin({ draft: got.definition, savedId: got.scenario.id, templateId: got.scenario.templateId, dirty: false }),
        (e: unknown) => setError(e),
      );
    });

  const duplicate = (id: string) =>
    void call('scenario.duplicate', { id }).then(
      (s) => {
        setNotice(`Gekopieerd naar «${s.name}».`);
        reloadSaved();
      },
      (e: unknown) => setError(e),
    );

  const rename = (id: string, name: string): Promise<boolean> =>
    call('scenario.rename', { id, name }).then(
      (s) => {
        if (working?.savedId === id) setWorking((w) => ({ ...w, draft: { ...w.draft, name: s.name } }));
        setNotice(`Hernoemd naar «${s.name}».`);
        reloadSaved();
        return true;
      },
      (e: unknown) => {
        setError(e);
        return false;
      },
    );

  const remove = (s: SavedScenario) =>
    void call('scenario.delete', { id: s.id }).then(
      () => {
        if (working?.savedId === s.id) setWorking((w) => ({ ...w, savedId: null, dirty: true }));
        setNotice(`«${s.name}» is verwijderd.`);
        reloadSaved();
      },
      (e: unknown) => setError(e),
    );

  return { opened, setWorking, notice, setNotice, error, setError, pending, setPending, newFromTemplate, open, duplicate, rename, remove };
}
