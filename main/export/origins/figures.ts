import { AppError } from '../../../shared/errors';
import type { BriefingRow } from '../../../shared/domain/briefing';
import { DEFAULT_DISCLOSURE, defaultRule } from '../../../shared/domain/briefing';
import { aliasKey } from '../../../shared/domain/text/alias-key';
import { listAreas, resolveAreaCode } from '../../store/queries/areas';
import { currentFigures } from '../../store/queries/briefings';
import { listIndicators } from '../../store/queries/indicators';
import type { Store } from '../../store/open-store';
import { periodText, storedFigure, storeSources, type OriginTable } from './common';

/**
 * Stored figures as they are: areas × indicators, the current figure of a period (or the latest of
 * each), every cell pointing to its imported file. The simplest origin; comparison views add
 * reference rows and aggregation on top.
 */
export function figuresTable(db: Store, areaRefs: string[], indicatorCodes: string[], period: string | null): OriginTable {
  const areas = new Map(listAreas(db).map((a) => [a.code, a]));
  const codes = areaRefs.map((ref) => {
    const code = resolveAreaCode(db, ref, aliasKey(ref));
    if (!code) throw new AppError('NOT_FOUND', `No area with code or name "${ref}".`);
    return code;
  });
  const indicators = new Map(listIndicators(db).map((i) => [i.code, i]));
  for (const c of indicatorCodes) if (!indicators.has(c)) throw new AppError('NOT_FOUND', `No indicator with code "${c}".`);
  const figures = currentFigures(db, codes, indicatorCodes, period);
  const periods = new Map<string, number>();
  for (const f of figures) periods.set(f.period, (periods.get(f.period) ?? 0) + 1);
  const usual = [...periods.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const byPair = new Map(figures.map((f) => [`${f.area_code}\u0000${f.indicator_code}`, f]));
  const rows: BriefingRow[] = [...new Set(codes)].map((code) => ({
    id: code,
    kind: 'data',
    label: areas.get(code)?.name ?? code,
    level: areas.get(code)?.kind ?? null,
    markers: [],
    cells: Object.fromEntries(
      indicatorCodes.map((ic) => {
        const f = byPair.get(`${code}\u0000${ic}`);
        if (!f) return [ic, null];
        return [
          ic,
          { figure: storedFigure(f, usual, f.source_id) },
        ];
      }),
    ),
  }));
  return {
    table: {
      number: 1,
      caption: 'Cijfers per gebied',
      subtitle: usual ? `Peiljaar ${periodText(usual)}${periods.size > 1 ? ', tenzij anders vermeld' : ''}` : null,
      stubHeader: 'Gebied',
      columns: indicatorCodes.map((ic) => {
        const ind = indicators.get(ic);
        return { id: ic, label: ind?.name ?? ic, unit: ind?.unit ?? 'count', rule: defaultRule(ind?.unit ?? 'count') };
      }),
      rows,
      total: null,
      footnotes: [],
      sources: storeSources(db, figures.map((f) => f.source_id)),
      disclosure: DEFAULT_DISCLOSURE,
    },
    origin: `Cijfers van ${rows.length} gebied(en) × ${indicatorCodes.length} indicator(en)${period ? ` (${period})` : ' (laatste periode)'}`,
    notes: [],
  };
}
