import type { BriefingSource } from './schema';

/**
 * The source line under a table, generated from the provenance of the figures used:
 * "Bron: Kamerstuk 30 995 nr. 104 (17 oktober 2024); kwb-2024.xlsx, blad Data (ingelezen 3 december 2026)."
 */

const DATE_NL = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function dateNl(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : DATE_NL.format(d);
}

/** "Kamerstuk 30 995 nr. 104 — Brief …, 17 oktober 2024" → "Kamerstuk 30 995 nr. 104 (17 oktober 2024)". */
export function citeDocument(title: string): string {
  const [head, ...rest] = title.split(' — ');
  const tail = rest.join(' — ');
  const date = /(\d{1,2} [a-z]+ \d{4})\s*$/.exec(tail)?.[1];
  if (/^Kamerstuk/i.test(head ?? '')) return date ? `${head} (${date})` : (head as string);
  return title;
}

/** Parameters on the source line: the first few; the Verantwoording sheet lists them all. */
const LINE_DETAILS = 6;

export function citeSource(s: BriefingSource): string {
  switch (s.kind) {
    case 'document':
      return citeDocument(s.title);
    case 'file': {
      const date = dateNl(s.importedAt);
      const where = [s.file ?? s.title, s.sheet ? `blad ${s.sheet}` : null].filter(Boolean).join(', ');
      return date ? `${where} (ingelezen ${date})` : where;
    }
    case 'scenario':
    case 'index': {
      // The parameters' own sources are listed in the Verantwoording; the line names the values.
      const shown = s.details.slice(0, LINE_DETAILS).map((d) => `${d.label}: ${d.value.replace(/; bron: .*$/, '')}`);
      if (s.details.length > LINE_DETAILS) shown.push('overige parameters in de verantwoording');
      return shown.length > 0 ? `${s.title} (${shown.join(', ')})` : s.title;
    }
    case 'seed':
    case 'composition':
      return s.title;
  }
}

export function sourceLine(sources: BriefingSource[]): string {
  const parts = [...new Set(sources.map(citeSource))];
  return parts.length > 0 ? `Bron: ${parts.join('; ')}.` : 'Bron: onbekend.';
}
