import type { Problem } from '../../../shared/contract/import-preview';

/**
 * Each problem the importer reports, in Dutch and in the analyst's terms: what is wrong, what
 * happens to the cell or row, what to do. Built from the problem's kind and the text it is about
 * (the services describe problems in English for logs and the CLI).
 */
export const KIND_NL: Record<Problem['kind'], string> = {
  non_numeric: 'Geen getal',
  ambiguous_number: 'Scheidingsteken onduidelijk',
  percent_over_100: 'Percentage boven 100',
  cell_unit_mismatch: 'Andere eenheid in de cel',
  unit_mismatch: 'Eenheid past niet',
  duplicate_key: 'Dubbel',
  unknown_area: 'Onbekend gebied',
  new_area: 'Nieuw gebied',
  fuzzy_area: 'Te bevestigen gebied',
  ambiguous_area: 'Meerdere gebieden',
  missing_area: 'Geen gebied',
  skipped_row: 'Rij overgeslagen',
  new_indicator: 'Nieuwe indicator',
  empty_column: 'Kolom niet geïmporteerd',
  no_period: 'Geen periode',
  invalid_period: 'Ongeldige periode',
  duplicate_definition: 'Dubbele definitie',
  nothing_imported: 'Niets geïmporteerd',
  already_imported: 'Al geïmporteerd',
  too_many_skipped: 'Te veel overgeslagen',
  total_mismatch: 'Totaal wijkt af',
  total_checked: 'Totaal klopt',
  several_tables: 'Meer tabellen',
  revision: 'Nieuwe versie',
  duplicate_header: 'Dezelfde kop',
  empty_header: 'Geen kop',
};

const q = (raw: string | undefined): string => `"${(raw ?? '').trim()}"`;

export function problemText(p: Problem): string {
  switch (p.kind) {
    case 'non_numeric':
      return `${q(p.raw)} is geen getal of CBS-teken; deze cel wordt niet geïmporteerd.`;
    case 'ambiguous_number':
      return `${q(p.raw)}: punt of komma als decimaalteken is niet af te leiden; gelezen zoals in het Nederlands.`;
    case 'percent_over_100':
      return `${q(p.raw)} is meer dan 100%; het wordt geïmporteerd zoals het er staat. Controleer de bron.`;
    case 'cell_unit_mismatch':
      return `${q(p.raw)} noemt een andere eenheid dan de kolom.`;
    case 'unit_mismatch':
      return `De eenheid in de kop van ${q(p.raw)} past niet bij de gekozen indicator; kies bij Koppeling een andere indicator of eenheid.`;
    case 'duplicate_key':
      return 'Dit gebied komt voor deze periode al eerder voor; alleen het eerste wordt geïmporteerd.';
    case 'unknown_area':
      if (/new areas are not created|nieuwe gebieden/.test(p.message)) return `${q(p.raw)} staat niet in het project en wordt niet aangemaakt; de cijfers worden overgeslagen.`;
      if (/is not a CBS area code/.test(p.message)) return `${q(p.raw)} is geen CBS-gebiedscode.`;
      return `Geen bekend gebied heet ${q(p.raw)}; koppel het bij Gebieden aan een gebied, of sla het over.`;
    case 'new_area':
      if (/will be created under it as/.test(p.message)) return `${q(p.raw)} staat nog niet in het project; het wordt aangemaakt als gebied van de gekozen gemeente, met de naam als zoeknaam.`;
      return 'Dit gebied staat nog niet in het project; het wordt aangemaakt, met de CBS-indeling uit de code.';
    case 'fuzzy_area':
      return `${q(p.raw)} lijkt op een bekend gebied; bevestig het bij Gebieden, anders worden de cijfers niet geïmporteerd.`;
    case 'ambiguous_area':
      return `Meer gebieden heten ${q(p.raw)}; kies er bij Gebieden één.`;
    case 'missing_area':
      return 'Deze rij heeft cijfers maar geen gebied; ze wordt overgeslagen.';
    case 'skipped_row':
      if (/left out by the analyst/.test(p.message)) return 'Door u overgeslagen.';
      if (/catch-all|placeholder/.test(p.message)) return 'Restrij (bijvoorbeeld "Onbekend"); niet geïmporteerd.';
      return 'Totaalrij; niet geïmporteerd als gebied.';
    case 'new_indicator':
      return `${q(p.raw)} hoort bij geen bekende indicator; het wordt een nieuwe indicator, te beoordelen.`;
    case 'empty_column':
      return p.raw ? `${q(p.raw)} wordt niet geïmporteerd (leeg of door u uitgezet).` : 'Lege kolom.';
    case 'no_period':
      return 'Het bestand noemt geen periode (geen kolom, kop, titel of bestandsnaam met een jaar); geef er een op bij Indeling.';
    case 'invalid_period':
      return `${q(p.raw)} is geen jaar of reeks jaren; deze rij wordt overgeslagen.`;
    case 'duplicate_definition':
      return `Variabele ${q(p.raw)} is al eerder gedefinieerd; alleen de eerste definitie telt.`;
    case 'nothing_imported':
      if (/ is empty$/.test(p.message)) return 'Het blad is leeg; er is niets te importeren.';
      if (/has a header but no rows below it/.test(p.message)) return 'Het blad heeft alleen een kopregel, zonder rijen met cijfers eronder; er is niets te importeren.';
      if (/no column of .* holds figures/.test(p.message)) return `Geen kolom bevat cijfers (getallen of CBS-tekens): ${p.cell ? `cel ${p.cell}` : 'de eerste cel'} bevat tekst, zoals ${q(p.raw)}. Formules en tekst worden niet als cijfer geïmporteerd.`;
      return 'Niets in dit bestand kon worden geïmporteerd; zie de andere meldingen.';
    case 'already_imported':
      return 'Dit bestand (zelfde inhoud, zelfde blad) is al eerder geïmporteerd; er is niets toegevoegd.';
    case 'total_mismatch': {
      const m = /gives ([\d,.-]+), but the (\d+) rows (above|below) it add up to ([\d,.-]+)/.exec(p.message);
      const nlNumber = (t: string | undefined): string => (t ?? '').replace(/,/g, '\u0000').replace(/\./g, ',').replace(/\u0000/g, '.');
      return m
        ? `De totaalrij geeft ${nlNumber(m[1])}, maar de ${m[2]} rijen ${m[3] === 'above' ? 'erboven' : 'eronder'} tellen op tot ${nlNumber(m[4])}. Controleer de bron; de totaalrij wordt niet als gebied geïmporteerd.`
        : 'De totaalrij is niet gelijk aan de som van de rijen; controleer de bron.';
    }
    case 'total_checked':
      return 'De totaalrij is gelijk aan de som van de rijen die ze telt; ze wordt niet als gebied geïmporteerd.';
    case 'several_tables':
      return 'Dit blad bevat meer tabellen onder elkaar; kies bij Blad welke tabel u importeert. Het blad wordt nooit als één tabel gelezen.';
    case 'revision':
      return 'Dit bestand was al geïmporteerd, maar toen bleven cijfers buiten; nu is het opnieuw geïmporteerd als nieuwe versie. De eerdere cijfers blijven bewaard als geschiedenis.';
    case 'duplicate_header':
      return `Meer kolommen heten ${q(p.raw)}; elke kolom wordt een eigen indicator met de kolomletter in de naam. Geef ze bij Koppeling een naam.`;
    case 'empty_header':
      return 'Deze kolom heeft cijfers maar geen kop; ze wordt een indicator met de kolomletter als naam. Geef haar bij Koppeling een naam.';
    case 'too_many_skipped':
      return 'Een groot deel van de cijfers zou worden overgeslagen; er is niets geïmporteerd.';
  }
}

const NL_COUNT = (n: number): string => n.toLocaleString('nl-NL');

/** Why figures are left out, in Dutch: the same reasons as the CLI's summary line (shared/domain/import/skip-summary). */
const SKIP_NL: Record<string, (s: { figures: number; areas: number }) => string> = {
  area_not_in_store: (s) => `${NL_COUNT(s.areas)} gebied(en) niet in het project (kies bij Gebieden: aanmaken)`,
  area_unknown: (s) => `${NL_COUNT(s.areas)} onbekende gebiedsnaam/-namen (koppel of maak aan bij Gebieden)`,
  area_unconfirmed: (s) => `${NL_COUNT(s.areas)} gelijkende naam/namen nog te bevestigen`,
  area_ambiguous: (s) => `${NL_COUNT(s.areas)} naam/namen van meer gebieden (kies er één)`,
  no_area: (s) => `${NL_COUNT(s.figures)} in rijen zonder gebied`,
  no_period: (s) => `${NL_COUNT(s.figures)} zonder periode (geef er een op bij Indeling)`,
  duplicate: (s) => `${NL_COUNT(s.figures)} dubbel (zelfde gebied en periode)`,
  not_a_number: (s) => `${NL_COUNT(s.figures)} in cellen zonder getal`,
};

/** "1.234 cijfers worden overgeslagen: 12 gebied(en) niet in het project …", or null when none are. */
export function skipSummaryNl(figures: { skipped: Record<string, { figures: number; areas: number }> }, skips: { figures: number }): string | null {
  if (skips.figures === 0) return null;
  const parts = Object.entries(figures.skipped).filter(([, v]) => v.figures > 0).map(([k, v]) => (SKIP_NL[k] ?? ((x) => `${NL_COUNT(x.figures)} om een andere reden`))(v));
  return `${NL_COUNT(skips.figures)} ${skips.figures === 1 ? 'cijfer wordt' : 'cijfers worden'} overgeslagen: ${parts.join('; ')}.`;
}

/** "blad X, rij 7, kolom C, cel C7" — what the analyst looks up in the file. */
export function whereNl(p: Pick<Problem, 'sheet' | 'row' | 'column' | 'cell'>): string {
  return [p.cell ? `cel ${p.cell}` : p.row !== undefined ? `rij ${p.row}` : p.column ? `kolom ${p.column}` : ''].filter(Boolean).join(', ');
}
