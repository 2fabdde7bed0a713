import type { BriefingRow } from '../../../shared/domain/briefing';
import { DEFAULT_DISCLOSURE } from '../../../shared/domain/briefing';
import { listIndicators } from '../../store/queries/indicators';
import { listObservations } from '../../store/queries/observations';
import type { Store } from '../../store/open-store';
import { periodText, storedFigure, storeSources, type OriginTable } from './common';

/**
 * The programme facts (area NPLV, the figures of Kamerstuk 30 995 nr. 104) as one table: a row per
 * figure, grouped by theme, each figure read as the letter reads it ("ca. 15.000", "30.000–40.000",
 * "€ 256 mln (2023–2025)"). A figure whose period differs from the table's carries its period.
 */

export const PROGRAMME_AREA = 'NPLV';

const THEME_LABEL: Record<string, string> = {
  overig: 'Programma',
  wonen: 'Wonen',
  meedoen: 'Meedoen',
  veiligheid: 'Veiligheid',
  financien: 'Financiën',
  bevolking: 'Bevolking',
};
const THEME_ORDER = ['overig', 'wonen', 'meedoen', 'veiligheid', 'financien', 'bevolking'];

export function programmeTable(db: Store): OriginTable {
  const figures = listObservations(db, { areaCode: PROGRAMME_AREA });
  const themes = new Map(listIndicators(db).map((i) => [i.code, i.theme]));
  const periods = new Map<string, number>();
  for (const f of figures) periods.set(f.period, (periods.get(f.period) ?? 0) + 1);
  const usual = [...periods.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const rows: BriefingRow[] = [];
  const byTheme = (t: string): number => (THEME_ORDER.indexOf(t) + 1 || 99);
  const sorted = [...figures].sort((a, b) => byTheme(themes.get(a.indicatorCode) ?? 'overig') - byTheme(themes.get(b.indicatorCode) ?? 'overig'));
  let theme: string | null = null;
  for (const f of sorted) {
    const t = themes.get(f.indicatorCode) ?? 'overig';
    if (t !== theme) {
      theme = t;
      rows.push({ id: `theme:${t}`, kind: 'group', label: THEME_LABEL[t] ?? t, level: null, cells: {}, markers: [] });
    }
    rows.push({
      id: f.indicatorCode,
      kind: 'data',
      label: f.indicatorName,
      level: 'programme',
      markers: [],
      cells: {
        figure: { figure: storedFigure(f, usual, f.source.id) },
      },
    });
  }
  return {
    table: {
      number: 1,
      caption: 'Nationaal Programma Leefbaarheid en Veiligheid in cijfers',
      subtitle: usual ? `Stand ${periodText(usual)}, tenzij anders vermeld; de 20 focusgebieden samen` : null,
      stubHeader: 'Onderwerp',
      columns: [{ id: 'figure', label: 'Cijfer', unit: 'mixed', rule: { kind: 'auto' } }],
      rows,
      total: null,
      footnotes: [],
      sources: storeSources(db, figures.map((f) => f.source.id)),
      disclosure: DEFAULT_DISCLOSURE,
    },
    origin: 'Programmacijfers (gebied NPLV)',
    notes: ['Programmabrede cijfers: geen cijfers per focusgebied; de brief geeft die niet.'],
  };
}
