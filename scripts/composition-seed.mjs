// Regenerates resources/seed/compositions.json from the shared NPLV proposals
// (../shared/data/nplv/focus-area-composition.csv): every member of every focus area with its CBS
// code, name, level, code year, the public page that names it and the quote from it. All are
// proposals ("te bevestigen") until the analyst confirms them; focus areas without any row are
// listed as having no known composition. Usage: node scripts/composition-seed.mjs [CSV]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = process.argv[2] ?? path.resolve(root, '../shared/data/nplv/focus-area-composition.csv');
const seed = JSON.parse(readFileSync(path.join(root, 'resources/seed/nplv.json'), 'utf8'));
const key = (s) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();

const focus = seed.areas.filter((a) => a.kind === 'focus_area');
const byName = new Map();
for (const a of focus) for (const n of [a.name, ...(a.aliases ?? [])]) byName.set(key(n), a);

const rows = Papa.parse(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const members = new Map(focus.map((a) => [a.code, []]));
for (const [i, r] of rows.entries()) {
  const area = byName.get(key(r.focus_area));
  if (!area) throw new Error(`row ${i + 2}: focus area "${r.focus_area}" is not one of the 20`);
  if (r.gemeente_code !== area.parent) throw new Error(`row ${i + 2}: ${r.gemeente_code} is not the municipality of ${area.name} (${area.parent})`);
  const level = { wijk: 'district', buurt: 'neighbourhood' }[r.level];
  if (!level || !/^(WK\d{6}|BU\d{8})$/.test(r.cbs_code)) throw new Error(`row ${i + 2}: bad level or code ${r.level} ${r.cbs_code}`);
  members.get(area.code).push({
    code: r.cbs_code, name: r.cbs_name, kind: level, codeYear: Number(r.code_year),
    evidenceUrl: r.evidence_url, quote: r.evidence_quote, basis: r.status,
  });
}
const out = {
  compositionVersion: 1,
  note: 'Proposals for the NPLV focus areas in CBS districts and neighbourhoods, from ../shared/data/nplv/focus-area-composition.csv (regenerate with scripts/composition-seed.mjs). No row is official: every member is a proposal ("te bevestigen") until the analyst confirms it. Focus areas with no members have no known composition ("samenstelling onbekend").',
  source: { title: 'Voorstel samenstelling NPLV-focusgebieden in CBS-wijken en -buurten (focus-area-composition.csv)', file: 'focus-area-composition.csv' },
  focusAreas: focus.map((a) => ({ code: a.code, name: a.name, municipality: a.parent, members: members.get(a.code) })),
};
writeFileSync(path.join(root, 'resources/seed/compositions.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`resources/seed/compositions.json: ${rows.length} members in ${out.focusAreas.filter((f) => f.members.length).length} focus areas; without: ${out.focusAreas.filter((f) => !f.members.length).map((f) => f.name).join(', ')}`);
