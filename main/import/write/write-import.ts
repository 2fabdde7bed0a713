import { LEVEL_KIND, levelOfCode, parentCode, type CbsLevel } from '../../../shared/domain/areas/normalise-code';
import type { PreparedImport } from '../../../shared/domain/import/build-preview';
import { columnLetter } from '../../../shared/domain/import/cell-address';
import type { AreaStep, FigureFields, FigureStep, WriteStep } from '../../../shared/domain/import/figure-steps';
import type { Grid } from '../../../shared/domain/import/grid';
import type { IndicatorCatalogue } from '../../../shared/domain/import/indicator-catalogue';
import { compositionRows } from '../../../shared/domain/import/plan-composition';
import { dictionaryRows } from '../../../shared/domain/import/preview-parts';
import { slugFor } from '../../../shared/domain/import/suggest-indicator';
import { themeOf } from '../../../shared/domain/import/theme-of';
import { aliasKey } from '../../../shared/domain/text/alias-key';
import type { ImportWrites } from '../../store/queries/import-writes';

/**
 * Turns the import's steps (figure-steps: what the walk decided to write) into rows: areas created
 * with their CBS parents, confirmed aliases remembered, indicators created on first use (new ones
 * flagged for review), and every figure with its cell, raw text, sign, qualifier and range. It
 * writes exactly what the preview counted: the same plan, the same walk, and the collector's
 * verdict on duplicates. It never commits — the import job holds the transaction.
 */
export interface WriterCounts {
  observations: number;
  areasCreated: number;
  aliasesRemembered: number;
  indicatorsNew: number;
  definitions: number;
  members: number;
}

export interface WriterOptions {
  writes: ImportWrites;
  /** Every area in the store, by code (the writer adds the ones it creates). */
  areaIds: Map<string, number>;
  /** Every indicator in the store, by code. */
  indicatorIds: Map<string, number>;
  /** The shipped catalogue (CBS KWB): a known code not yet in the store is created from it. */
  catalogue: IndicatorCatalogue;
  catalogueSource: string;
  fileName: string;
}

const COUNTRY = 'NL00';

export class ImportWriter {
  readonly counts: WriterCounts = { observations: 0, areasCreated: 0, aliasesRemembered: 0, indicatorsNew: 0, definitions: 0, members: 0 };
  /** Areas that received figures (or memberships), and the ones this import created (with parents that got none). */
  readonly areasWritten = new Set<number>();
  readonly areasCreatedIds = new Set<number>();
  private prepared!: PreparedImport;
  private currentArea: number | null = null;
  /** Indicator id by measure (column), an array: looked up for every figure. */
  private readonly measureIndicator: number[] = [];
  /** Areas this import created without a name (parents known only by code): named when their own row comes. */
  private readonly unnamed = new Set<string>();

  constructor(private readonly o: WriterOptions) {}

  start(prepared: PreparedImport): void {
    this.prepared = prepared;
  }

  readonly step = (s: WriteStep): void => {
    if (s.kind === 'figure') this.figure(s);
    else if (s.kind === 'area') this.area(s);
    else this.currentArea = null;
  };

  /** Creates the area (and its missing parents, from the code) when the store does not have it. */
  private ensureArea(code: string, name: string | null, parentNames: ReadonlyMap<CbsLevel, string>, create?: AreaStep['create']): number {
    const existing = this.o.areaIds.get(code);
    if (existing !== undefined) {
      if (name && this.unnamed.delete(code)) this.o.writes.renameArea(existing, name);
      return existing;
    }
    const level = levelOfCode(code);
    const parent = create?.parent ?? parentCode(code);
    const parentLevel = parent ? levelOfCode(parent) : null;
    const parentId = parent ? this.ensureArea(parent, (parentLevel && parentNames.get(parentLevel)) || (parent === COUNTRY ? 'Nederland' : null), parentNames) : null;
    const id = this.o.writes.insertArea({ code, name: name ?? code, kind: create?.kind ?? (level ? LEVEL_KIND[level] : 'other'), parentId });
    if (!name) this.unnamed.add(code);
    this.o.areaIds.set(code, id);
    this.areasCreatedIds.add(id);
    this.counts.areasCreated++;
    return id;
  }

  private area(s: AreaStep): void {
    const id = this.ensureArea(s.code, s.name, new Map(s.parents), s.create);
    this.currentArea = id;
    if (s.remember && this.o.writes.insertAlias(aliasKey(s.remember.alias), s.remember.alias, id, s.remember.context)) this.counts.aliasesRemembered++;
  }

  private indicatorFor(measure: number): number {
    const known = this.measureIndicator[measure];
    if (known !== undefined) return known;
    const m = this.prepared.plan.measures[measure];
    if (!m) throw new Error(`no measure ${measure} in the plan`);
    const code = m.indicator.code;
    let id = this.o.indicatorIds.get(code);
    if (id === undefined && this.o.catalogue.byCode.has(code)) id = this.indicatorFromCatalogue(code);
    if (id === undefined) {
      id = this.newIndicator(code, m.indicator.name, m.unit);
      this.o.indicatorIds.set(code, id);
    }
    this.measureIndicator[measure] = id;
    return id;
  }

  /** An indicator the file introduces: named after its label, flagged for the analyst to review (theme, aggregation). */
  private newIndicator(code: string, name: string, unit: string, more: { definition?: string | null; theme?: string; source?: string | null } = {}): number {
    this.counts.indicatorsNew++;
    return this.o.writes.insertIndicator({
      code, name, statlineName: null, theme: more.theme ?? 'overig', unit, aggregation: 'none', weightIndicatorCode: null, direction: 'neutral',
      definition: more.definition ?? null, defaultSource: more.source ?? this.o.fileName, needsReview: true,
    });
  }

  private figure(f: FigureStep): void {
    this.figureFields(f.measure, f.period, f.value, f.low, f.high, f.qualifier, f.sign, f.raw, f.r, f.c, f.breakdown);
  }

  private readonly letters: string[] = [];
  private lastWrittenArea = -1;
  private lastRow = -1;
  private lastRowText = '';

  /** A figure for the area of the last area step, field by field (the bulk path, see step-batch). */
  readonly figureFields: FigureFields = (measure, period, value, low, high, qualifier, sign, raw, r, c, breakdown) => {
    const areaId = this.currentArea;
    if (areaId === null) throw new Error('a figure step came before its area');
    const letters = (this.letters[c] ??= columnLetter(c));
    // A row's figures come together: its number is written out once.
    if (r !== this.lastRow) {
      this.lastRow = r;
      this.lastRowText = String(r + 1);
    }
    const observations = this.o.writes.observations;
    observations.addFields(areaId, this.indicatorFor(measure), period, value, low, high, qualifier, sign, raw, letters + this.lastRowText, breakdown);
    this.counts.observations++;
    // Figures come area by area: the set only changes when the area does.
    if (areaId !== this.lastWrittenArea) {
      this.areasWritten.add(areaId);
      this.lastWrittenArea = areaId;
    }
  };

  /** A variable dictionary: each first definition creates or completes its indicator. */
  writeDefinitions(grid: Grid): void {
    for (const row of dictionaryRows(grid, this.prepared.plan)) {
      if (row.duplicateOf) continue;
      const code = slugFor(row.code);
      const name = row.name ?? row.shortName;
      let id = this.o.indicatorIds.get(code);
      if (id === undefined && this.o.catalogue.byCode.has(code)) id = this.indicatorFromCatalogue(code);
      if (id === undefined) {
        id = this.newIndicator(code, name ?? row.code, row.unitCode ?? 'number', { definition: row.definition, theme: themeOf(row.theme), source: row.source });
        this.o.indicatorIds.set(code, id);
      } else {
        this.o.writes.define(id, { name, definition: row.definition, unit: row.unitCode, source: row.source });
      }
      this.counts.definitions++;
    }
  }

  private indicatorFromCatalogue(code: string): number {
    const cat = this.o.catalogue.byCode.get(code);
    if (!cat) throw new Error(`${code} is not in the catalogue`);
    const id = this.o.writes.insertIndicator({
      code, name: cat.name, statlineName: cat.statline, theme: cat.theme, unit: cat.unit, aggregation: cat.aggregation,
      weightIndicatorCode: cat.weight, direction: cat.direction, definition: cat.definition, defaultSource: this.o.catalogueSource, needsReview: false,
    });
    this.o.indicatorIds.set(code, id);
    return id;
  }

  /** A focus-area composition list: memberships, with member areas created from their codes when allowed. */
  writeComposition(grid: Grid): void {
    const create = this.prepared.choices.areas.newAreas === 'create';
    for (const row of compositionRows(grid, this.prepared.plan, this.prepared.index)) {
      if (row.duplicateOf || !row.focusCode || !row.memberCode) continue;
      const focusId = this.o.areaIds.get(row.focusCode);
      if (focusId === undefined) continue;
      if (!this.o.areaIds.has(row.memberCode) && !create) continue;
      const memberId = this.ensureArea(row.memberCode, row.memberName, new Map());
      const year = row.codeYear && /^(19|20)\d{2}$/.test(row.codeYear) ? Number(row.codeYear) : null;
      this.o.writes.upsertMember({
        focusAreaId: focusId,
        memberId,
        status: row.status && /^(bevestigd|confirmed|vastgesteld)/i.test(row.status) ? 'confirmed' : 'proposal',
        codeYear: year,
        evidenceUrl: row.evidence && /^https?:\/\//i.test(row.evidence) ? row.evidence : null,
        note: row.status,
      });
      this.counts.members++;
      this.areasWritten.add(memberId);
    }
  }
}
