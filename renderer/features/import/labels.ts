import type { ImportPreview } from '../../../shared/contract/import';
import { formatBytes, formatCount } from '../../../shared/domain/format/number';

/** Dutch words for what the importer detects; one place, so every step says it the same way. */
export const LAYOUT_LABEL: Record<ImportPreview['layout'], string> = {
  wide: 'Breed: gebieden onder elkaar, indicatoren naast elkaar',
  long: 'Lang: één cijfer per rij (gebied, indicator, periode, waarde)',
  transposed: 'Gekanteld: indicatoren onder elkaar, gebieden naast elkaar',
  dictionary: 'Woordenlijst: definities van variabelen',
  composition: 'Samenstelling: focusgebieden en hun wijken of buurten',
};

export const LAYOUT_SHORT: Record<ImportPreview['layout'], string> = {
  wide: 'breed',
  long: 'lang',
  transposed: 'gekanteld',
  dictionary: 'woordenlijst',
  composition: 'samenstelling',
};

export const UNIT_NL: Record<string, string> = {
  count: 'aantal',
  number: 'getal',
  percent: '%',
  per_1000_residents: 'per 1.000 inwoners',
  per_1000_households: 'per 1.000 huishoudens',
  euro: 'euro',
  euro_x1000: 'x € 1.000',
  euro_x1000000: 'x € 1 mln',
  km: 'km',
  ha: 'ha',
  km2: 'km²',
  per_km2: 'per km²',
  kwh: 'kWh',
  m3: 'm³',
  year: 'jaar',
  code: 'code (geen hoeveelheid)',
};

export const ENCODING_NL: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 met BOM',
  'utf-16le': 'UTF-16 (LE)',
  'utf-16be': 'UTF-16 (BE)',
  'windows-1252': 'Windows-1252 (Excel, West-Europees)',
};

export const SEPARATOR_NL: Record<string, string> = { ';': 'puntkomma (;)', ',': 'komma (,)', '\t': 'tab', '|': 'verticale streep (|)' };

export const FORMAT_NL: Record<string, string> = {
  xlsx: 'Excel-werkmap (.xlsx)',
  xls: 'Excel 97–2003 (.xls)',
  ods: 'OpenDocument-rekenblad (.ods)',
  csv: 'tekstbestand (CSV)',
  html: 'webpagina met tabel (HTML, vaak als .xls opgeslagen)',
  xml: 'XML-werkblad Excel 2003',
};

export function periodText(p: ImportPreview['period']): string {
  if (p.source === 'column') return `per rij, uit kolom ${p.column ?? '?'}`;
  if (p.source === 'header') return 'uit de kolomkoppen (bijvoorbeeld "Inwoners|2020")';
  if (p.source === 'none') return 'niet gevonden';
  const from: Record<string, string> = { title: 'uit de titel', file_name: 'uit de bestandsnaam', sheet_name: 'uit de naam van het blad', user: 'door u opgegeven', recipe: 'uit de opgeslagen koppeling' };
  return `${p.value ?? '?'} (${from[p.from ?? ''] ?? 'vast'})`;
}

export const nl = (n: number): string => formatCount(n);

export function bytes(n: number | null): string {
  return n === null ? '' : formatBytes(n);
}
