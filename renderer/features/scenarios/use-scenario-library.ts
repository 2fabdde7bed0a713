import { useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../shared/contract/index';
import type { Area, Indicator } from '../../../shared/contract/model';
import type { SavedScenario } from '../../../shared/contract/scenario';
import type { CallState } from '../../ui/use-call';
import { useCall } from '../../ui/use-call';

/** What the scenario screen chooses from: templates, saved scenarios, areas and indicators. */
type Templates = Output<'scenario.templates'>;

export interface ScenarioLibrary {
  templatesState: CallState<Templates>;
  templates: Templates;
  saved: SavedScenario[];
  reloadSaved: () => void;
  /** All areas, for names (municipality rows too). */
  allAreas: Area[];
  /** The focus areas, for the form's choices. */
  areas: Area[];
  indicators: Indicator[];
}

export function useScenarioLibrary(): ScenarioLibrary {
  const [templatesState] = useCall('scenario.templates', {});
  const [savedState, reloadSaved] = useCall('scenario.list', {});
  const [areasState] = useCall('areas.list', {});
  const [indicatorsState] = useCall('indicators.list', {});
  // Keep showing the last list while it reloads (after a save or rename), instead of flashing empty.
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  useEffect(() => {
    if (savedState.status === 'ok') setSaved(savedState.value);
  }, [savedState]);
  const allAreas = useMemo(() => (areasState.status === 'ok' ? areasState.value : []), [areasState]);
  const areas = useMemo(() => allAreas.filter((a) => a.kind === 'focus_area'), [allAreas]);
  const indicators = useMemo(() => (indicatorsState.status === 'ok' ? indicatorsState.value : []), [indicatorsState]);
  const templates = useMemo(() => (templatesState.status === 'ok' ? templatesState.value : []), [templatesState]);
  return { templatesState, templates, saved, reloadSaved, allAreas, areas, indicators };
}
