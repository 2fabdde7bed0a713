import { z } from 'zod';
import { BriefingLayout, BriefingSpec, BriefingSource, BriefingTable } from '../domain/briefing';
import { call, type CallSpec } from './define';

/**
 * Briefing export (issue 14): a table built from the programme facts, a scenario or a saved
 * comparison view, previewed in house style and written as .xlsx, CSV (Dutch Excel) or HTML (Word).
 * Saved briefings live in `saved_view` with kind 'briefing' and are re-run on today's store.
 */

export const ExportFormat = z.enum(['xlsx', 'csv', 'html']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const Name = z.string().trim().min(1).max(200);

export const ExportPreview = z.object({
  /** The table after the layout (exact values). */
  table: BriefingTable,
  /** How it reads: what every output draws. */
  layout: BriefingLayout,
  /** Everything the origin offers, to choose and order from. */
  available: z.object({
    columns: z.array(z.object({ id: z.string(), label: z.string() })),
    rows: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['data', 'group', 'total']) })),
  }),
  /** The sources cited (those of the figures shown). */
  sources: z.array(BriefingSource),
  /** What the table was built from, in Dutch ("Programmacijfers", "Scenario 'X'", "Vergelijking 'Y'"). */
  origin: z.string(),
  /** Notes for the Verantwoording sheet (composition status and the like). */
  notes: z.array(z.string()),
  /** A safe file name without extension, from the caption. */
  suggestedName: z.string(),
});
export type ExportPreview = z.infer<typeof ExportPreview>;

/** What a written export reports (the CLI prints it with --json). */
export const ExportWritten = z.object({
  file: z.string(),
  format: ExportFormat,
  rows: z.number().int(),
  columns: z.number().int(),
  /** The source line's sources, as cited. */
  sources: z.array(z.string()),
});
export type ExportWritten = z.infer<typeof ExportWritten>;

export const SavedBriefing = z.object({
  name: z.string(),
  spec: BriefingSpec,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedBriefing = z.infer<typeof SavedBriefing>;

export const exportCalls = {
  'export.preview': call(BriefingSpec, ExportPreview, 'Build a briefing table from its origin and layout: the laid-out table, what can be chosen, its sources.'),
  'export.write': call(
    z.object({ spec: BriefingSpec, format: ExportFormat, path: z.string().min(1).max(4096) }).strict(),
    ExportWritten,
    'Write a briefing table to a file on this computer (.xlsx, .csv or .html); the store is only read.',
  ),
  'export.file': call(
    z.object({ spec: BriefingSpec, format: ExportFormat }).strict(),
    z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), rows: z.number().int(), columns: z.number().int(), sources: z.array(z.string()) }),
    'A briefing table as the bytes of a file (base64), for a download in the web shell.',
  ),
  'export.saveAs': call(
    z.object({ spec: BriefingSpec, format: ExportFormat }).strict(),
    z.object({ written: ExportWritten.nullable() }),
    'Desktop app: ask where to save (a save dialog), then write; null when the analyst cancels.',
  ),
  'briefings.save': call(
    z.object({ name: Name, spec: BriefingSpec, replace: z.boolean().optional() }).strict(),
    SavedBriefing,
    'Save a briefing (origin + layout) by name, to re-run it later on the store of the day.',
  ),
  'briefings.list': call(z.object({}).strict(), z.array(SavedBriefing), 'Saved briefings.'),
  'briefings.get': call(z.object({ name: Name }).strict(), SavedBriefing, 'One saved briefing.'),
  'briefings.delete': call(z.object({ name: Name }).strict(), z.object({ name: z.string(), deleted: z.literal(true) }), 'Delete a saved briefing.'),
} satisfies Record<string, CallSpec>;
