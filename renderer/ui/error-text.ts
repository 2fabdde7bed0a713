import type { ErrorCode, ErrorWhere } from '../../shared/errors';
import { CallError } from '../api/client';

/** The one place where error codes become Dutch text for the analyst. */
const TEXT: Record<ErrorCode, string> = {
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
  STORE_NEWER_THAN_APP: 'Dit project is gemaakt met een nieuwere Wijkverkenner.',
  STORE_BUSY: 'Het project is bezet: een ander venster of programma schrijft erin. Er is niets gewijzigd; probeer het zo opnieuw.',
  STORE_CORRUPT: 'Het projectbestand is beschadigd of geen Wijkverkenner-project.',
  MIGRATION_FAILED: 'Het bijwerken van het projectbestand is mislukt; het bestand is ongewijzigd.',
  BACKUP_FAILED: 'De reservekopie kon niet worden gemaakt; het project zelf is ongewijzigd.',
  CANCELLED: 'Geannuleerd; er is niets opgeslagen.',
  UNAUTHORIZED: 'Geen toegang: open Wijkverkenner via de link die bij het starten werd getoond.',
  INTERNAL: 'Er ging iets mis in Wijkverkenner.',
};

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

/** Dutch title plus the service's detail (file, sheet, cell), never a stack trace. */
export function errorText(err: unknown): { title: string; detail: string } {
  if (err instanceof CallError) {
    const where = whereText(err.failure.where);
    return { title: TEXT[err.failure.code], detail: [err.failure.message, where && `(${where})`].filter(Boolean).join(' ') };
  }
  return { title: TEXT.INTERNAL, detail: err instanceof Error ? err.message : String(err) };
}
