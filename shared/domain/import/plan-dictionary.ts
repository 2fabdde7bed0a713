import type { ColumnHeader } from './header-labels';
import {
  isDictCodeHeader,
  isDictDefinitionHeader,
  isDictNameHeader,
  isDictShortHeader,
  isDictSourceHeader,
  isDictThemeHeader,
  isUnitHeader,
} from './header-words';
import type { DictionaryPlan } from './import-plan';
import type { ColumnProfile } from './profile-columns';

/**
 * Roles for a variable dictionary (the BBGA metadata: Variabele, Label, Definitie, Bron, …).
 * It imports as indicator definitions, not as figures. Of several unit columns, the one holding
 * symbols ("%", "/1.000 inw.") beats one holding numeric unit codes (BBGA's "Rekeneenheid").
 */
export function planDictionary(headers: readonly ColumnHeader[], profiles: readonly ColumnProfile[]): DictionaryPlan | null {
  const find = (test: (label: string) => boolean) => headers.find((h) => test(h.label))?.c;
  const codeColumn = find(isDictCodeHeader);
  if (codeColumn === undefined) return null;
  const unitColumns = headers.filter((h) => isUnitHeader(h.label)).map((h) => profiles.find((p) => p.c === h.c)).filter((p): p is ColumnProfile => !!p);
  const unitColumn = unitColumns.sort((a, b) => b.texts - a.texts)[0]?.c;
  const optional = (key: keyof DictionaryPlan, c: number | undefined) => (c !== undefined ? { [key]: c } : {});
  return {
    codeColumn,
    ...optional('nameColumn', find(isDictNameHeader)),
    ...optional('shortNameColumn', find(isDictShortHeader)),
    ...optional('definitionColumn', find(isDictDefinitionHeader)),
    ...optional('unitColumn', unitColumn),
    ...optional('sourceColumn', find(isDictSourceHeader)),
    ...optional('themeColumn', find(isDictThemeHeader)),
  };
}
