import { useMemo } from 'react';
import type { CompareViewState, ReferenceKind } from '../../../shared/contract/compare';
import { useCall } from '../../ui/use-call';

/** Which areas the charts show: the 20 focus areas, a municipality's districts or buurten, or a saved view's. */
export type AreaChoice = { kind: 'focus' } | { kind: 'district' | 'neighbourhood'; municipality: string } | { kind: 'view'; name: string };

export function useAreaCodes(choice: AreaChoice): { areas: CompareViewState['areas'] | null; view: CompareViewState | null } {
  const [districts] = useCall('areas.list', { kind: choice.kind === 'neighbourhood' ? 'neighbourhood' : 'district' });
  const [views] = useCall('views.list', {});
  return useMemo(() => {
    if (choice.kind === 'focus') return { areas: 'focus', view: null };
    if (choice.kind === 'view') {
      const v = views.status === 'ok' ? views.value.find((x) => x.name === choice.name) : undefined;
      return { areas: v ? v.state.areas : null, view: v?.state ?? null };
    }
    if (districts.status !== 'ok') return { areas: null, view: null };
    const codes = districts.value.filter((a) => a.code.slice(2, 6) === choice.municipality.slice(2)).map((a) => a.code);
    return { areas: codes.length ? codes : null, view: null };
  }, [choice, districts, views]);
}

export const ALL_REFERENCES: { kind: ReferenceKind; label: string }[] = [
  { kind: 'municipality', label: 'gemeente' },
  { kind: 'NL', label: 'Nederland' },
  { kind: 'total', label: 'de 20 gebieden samen' },
];
