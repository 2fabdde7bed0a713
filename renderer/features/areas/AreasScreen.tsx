import { useEffect, useMemo, useRef, useState } from 'react';
import type { Area, AreaKind } from '../../../shared/contract/model';
import { useCall } from '../../ui/use-call';
import { EmptyState, ErrorPanel, Loading } from '../../ui/StatusPanels';
import { AreaProfile } from '../profile/AreaProfile';
import { AreasGrid } from './AreasGrid';
import { CompositionEditor } from './composition/CompositionEditor';
import { ProgrammeChart } from './ProgrammeChart';
import { ProgrammeFigures } from './ProgrammeFigures';

const FILTERS: { kind: AreaKind | 'all'; label: string }[] = [
  { kind: 'focus_area', label: 'Focusgebieden' },
  { kind: 'municipality', label: 'Gemeenten' },
  { kind: 'all', label: 'Alle gebieden' },
];

/** Gebieden: the 20 focus areas and their municipalities, and the programme's own figures. */
export function AreasScreen() {
  const [filter, setFilter] = useState<AreaKind | 'all'>('focus_area');
  const [areas] = useCall('areas.list', {});
  const [figures] = useCall('observations.list', { areaCode: 'NPLV' });
  const [indicators] = useCall('indicators.list', {});
  const [compositionList, reloadCompositions] = useCall('composition.list', {});
  const [editing, setEditing] = useState<Area | null>(null);
  const editor = useRef<HTMLElement>(null);
  useEffect(() => {
    // Braces: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
    void editor.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [editing]);
  const compositions = useMemo(() => new Map(compositionList.status === 'ok' ? compositionList.value.focusAreas.map((f) => [f.focusAreaCode, f]) : []), [compositionList]);
  const shown = useMemo(() => (areas.status === 'ok' ? areas.value.filter((a) => filter === 'all' || a.kind === filter) : []), [areas, filter]);
  const themeOf = useMemo(() => {
    const map = new Map(indicators.status === 'ok' ? indicators.value.map((i) => [i.code, i.theme]) : []);
    return (code: string) => map.get(code) ?? '';
  }, [indicators]);
  const programmeSource = figures.status === 'ok' ? figures.value[0]?.source.title : undefined;
  const [profile, setProfile] = useState<string | null>(null);
  if (profile) return <AreaProfile code={profile} onClose={() => setProfile(null)} />;

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Gebieden</h1>
        <p className="lede">De 20 focusgebieden van het Nationaal Programma Leefbaarheid en Veiligheid in 19 gemeenten.</p>
      </header>

      <section aria-labelledby="areas-title">
        <div className="section-bar">
          <h2 id="areas-title">
            {FILTERS.find((f) => f.kind === filter)?.label}
            {areas.status === 'ok' && <span className="count"> ({shown.length})</span>}
          </h2>
          <div className="segmented" role="group" aria-label="Soort gebied">
            {FILTERS.map((f) => (
              <button key={f.kind} type="button" aria-pressed={filter === f.kind} onClick={() => setFilter(f.kind)}>
                {f.label}
              </button>
            ))}
          </div>
        </div>
        {areas.status === 'loading' && <Loading what="Gebieden" />}
        {areas.status === 'error' && <ErrorPanel error={areas.error} />}
        {areas.status === 'ok' && (shown.length > 0 ? <AreasGrid areas={shown} compositions={compositions} onOpenComposition={setEditing} onOpen={setProfile} /> : <EmptyState title="Geen gebieden van deze soort" next="Importeer een bestand met wijken of buurten." />)}
        <p className="source-line">Bron focusgebieden: Regeling kansrijke wijk, Staatscourant 2023, 17605. Gemeentecodes: CBS.</p>
      </section>

      {editing && (
        <section aria-labelledby="composition-title" className="composition-section" ref={editor}>
          <div className="section-bar">
            <h2 id="composition-title">Samenstelling van {editing.name}</h2>
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(null);
                reloadCompositions();
              }}
            >
              Sluiten
            </button>
          </div>
          <p className="muted">Uit welke CBS-wijken en -buurten dit focusgebied bestaat. Zijn cijfers worden daaruit berekend: tellingen opgeteld, verhoudingen gewogen.</p>
          <CompositionEditor key={editing.code} areaCode={editing.code} areaName={editing.name} />
        </section>
      )}

      <section aria-labelledby="programme-title">
        <h2 id="programme-title">Programmacijfers</h2>
        <p className="muted">Cijfers voor het programma als geheel, zoals de Kamerbrief ze noemt. Klik op een cijfer voor de herkomst.</p>
        {figures.status === 'loading' && <Loading what="Programmacijfers" />}
        {figures.status === 'error' && <ErrorPanel error={figures.error} />}
        {figures.status === 'ok' && figures.value.length === 0 && <EmptyState title="Nog geen programmacijfers" next="Het project bevat de cijfers uit de Kamerbrief niet; open een nieuw project." />}
        {figures.status === 'ok' && figures.value.length > 0 && (
          <>
            <figure className="chart-card">
              <figcaption>Aantallen: woningen, huishoudens en kinderen</figcaption>
              <ProgrammeChart figures={figures.value} />
              <p className="source-line">Bron: {programmeSource}. Een bandbreedte is als balk van laag tot hoog getekend.</p>
            </figure>
            <ProgrammeFigures figures={figures.value} themeOf={themeOf} />
          </>
        )}
      </section>
    </div>
  );
}
