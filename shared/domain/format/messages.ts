import type { ErrorCode, ErrorWhere, Severity } from '../../errors';

/**
 * The Dutch words for severities and error codes, for the screens and the CLI alike (the CLI's
 * messages stay English where they are for developers; what it prints for the analyst uses these).
 */

export const SEVERITY_TEXT: Record<Severity, string> = { error: 'fout', warning: 'waarschuwing', info: 'ter info' };

/** The Dutch word for a severity that arrives as plain text (a report's JSON); unknown ones as they are. */
export function severityText(severity: string): string {
  return Object.hasOwn(SEVERITY_TEXT, severity) ? SEVERITY_TEXT[severity as Severity] : severity;
}

export const ERROR_TEXT: Record<ErrorCode, string> = {
  INPUT_INVALID: 'De invoer is niet geldig.',
  OUTPUT_INVALID: 'Het antwoord van de toepassing klopt niet met het contract (een fout in Wijkverkenner).',
  UNKNOWN_CALL: 'Deze functie bestaat niet in deze versie.',
  NOT_FOUND: 'Niet gevonden.',
  FILE_UNREADABLE: 'Het bestand kan niet worden gelezen.',
  FILE_TOO_LARGE: 'Het bestand is te groot.',
  FILE_NOT_SPREADSHEET: 'Dit is geen spreadsheet.',
  CELL_INVALID: 'Een cel bevat een ongeldige waarde.',
  AREA_UNKNOWN: 'Onbekend gebied.',
  IMPORT_FAILED: 'Het importeren is mislukt; er is niets opgeslagen.',
  SCENARIO_INVALID: 'Het scenario is niet geldig.',
  FILE_UNWRITABLE: 'Het bestand kan daar niet worden opgeslagen.',
  EXPORT_EMPTY: 'De tabel is leeg: kies ten minste één rij en één kolom.',
  STORE_NEWER_THAN_APP: 'Dit project is gemaakt met een nieuwere Wijkverkenner.',
  STORE_BUSY: 'Het project is bezet: een ander venster of programma schrijft erin. Er is niets gewijzigd; probeer het zo opnieuw.',
  STORE_CORRUPT: 'Het projectbestand is beschadigd of geen Wijkverkenner-project.',
  MIGRATION_FAILED: 'Het bijwerken van het projectbestand is mislukt; het bestand is ongewijzigd.',
  BACKUP_FAILED: 'De reservekopie kon niet worden gemaakt; het project zelf is ongewijzigd.',
  CANCELLED: 'Geannuleerd; er is niets opgeslagen.',
  UNAUTHORIZED: 'Geen toegang: open Wijkverkenner via de link die bij het starten werd getoond.',
  INTERNAL: 'Er ging iets mis in Wijkverkenner.',
};

/** "bestand x.xlsx, blad Data, cel B7": where a problem sits, in the analyst's words. */
export function whereText(where: ErrorWhere | undefined): string {
  if (!where) return '';
  const parts = [
    where.file && `bestand ${where.file}`,
    where.sheet && `blad ${where.sheet}`,
    where.cell ? `cel ${where.cell}` : where.row !== undefined ? `rij ${where.row}` : undefined,
    where.column && !where.cell && `kolom ${where.column}`,
  ].filter(Boolean);
  return parts.join(', ');
}
