/**
 * A refused or failed import in Dutch: what is wrong with the file and what to do about it. The
 * services word their messages in English (for logs and the CLI); the common refusals are said
 * again here, anything else falls back to the general error panel (null here).
 */
const WHAT: ReadonlyArray<readonly [RegExp, string]> = [
  [/a PNG image|a JPEG image|a GIF image/, 'een afbeelding'],
  [/a PDF document/, 'een PDF-document'],
  [/a Word document/, 'een Word-document'],
  [/a PowerPoint presentation/, 'een PowerPoint-presentatie'],
  [/a ZIP archive without a workbook|archive/, 'een archief (ZIP) zonder werkmap'],
  [/a binary file/, 'een binair bestand'],
  [/an HTML or XML document/, 'een HTML- of XML-document'],
  [/a JSON document/, 'een JSON-document'],
  [/a text file \(\.(\w+)\)/, 'een tekstbestand van een soort die geen tabel is'],
  [/an OpenDocument file other than a spreadsheet/, 'een OpenDocument-bestand dat geen rekenblad is'],
];

export function importErrorText(code: string, message: string, file: string): string | null {
  if (code === 'FILE_NOT_SPREADSHEET') {
    const what = WHAT.find(([re]) => re.test(message))?.[1] ?? 'geen spreadsheet';
    return `${file} is ${what}. Kies een Excel-werkmap (.xlsx, .xls), een OpenDocument-rekenblad (.ods) of een tekstbestand met een tabel (.csv, .txt).`;
  }
  if (code === 'FILE_UNREADABLE') {
    if (/password/.test(message)) return `${file} is met een wachtwoord beveiligd. Sla de werkmap zonder wachtwoord op en kies hem opnieuw.`;
    if (/ZIP archive is damaged|ends before/.test(message)) return `${file} is beschadigd of onvolledig (bijvoorbeeld afgebroken tijdens het kopiëren of downloaden). Kopieer of download het opnieuw.`;
    const quote = /quoted field opened on line (\d+)/.exec(message);
    if (quote) return `In ${file} wordt een aanhalingsteken op regel ${quote[1]} nergens gesloten. Herstel die regel en kies het bestand opnieuw.`;
    if (/file is empty/.test(message)) return `${file} is leeg.`;
    if (/ENOENT/.test(message)) return `${file} is niet (meer) te vinden. Kies het opnieuw.`;
    if (/it is not a file/.test(message)) return `${file} is een map, geen bestand. Kies een bestand in die map.`;
    return `${file} kan niet worden gelezen; het is beschadigd of in een onbekend formaat.`;
  }
  if (code === 'FILE_TOO_LARGE') return `${file} is te groot: bestanden tot 200 MB en bladen tot 10 miljoen cellen worden ingelezen. Splits het bestand of laat kolommen weg.`;
  if (code === 'NOT_FOUND' && /has no sheet/.test(message)) return `${file} heeft dat blad niet. Kies een van de bladen bij stap Blad.`;
  if (code === 'NOT_FOUND' && /no saved mapping/.test(message)) return 'Die opgeslagen koppeling bestaat niet (meer). Kies bij Indeling een andere, of “Automatisch”.';
  if (code === 'AREA_UNKNOWN') {
    const m = /no area has the code or name "(.*)" \(chosen for "(.*)"\)/.exec(message);
    return m ? `Er is geen gebied met de code of naam “${m[1]}” (gekozen voor “${m[2]}”). Geef een code uit het project (NPLV11, GM0363), een CBS-code of een naam die één gebied heeft.` : null;
  }
  if (code === 'IMPORT_FAILED' && /changed since the preview/.test(message)) return `${file} is veranderd sinds het voorbeeld. Kies het bestand opnieuw, zodat u ziet wat er wordt opgeslagen.`;
  return null;
}

