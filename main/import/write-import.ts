import { LEVEL_KIND, levelOfCode, parentCode, type CbsLevel } from '../../shared/domain/areas/normalise-code';
import type { EventSink, PreparedImport } from '../../shared/domain/import/build-preview';
import { cellAddress } from '../../shared/domain/import/cell-address';
import type { ExtractEvent, FigureRecord } from '../../shared/domain/import/extract-records';
import type { Grid } from '../../shared/domain/import/grid';
import type { IndicatorCatalogue } from '../../shared/domain/import/indicator-catalogue';
import { compositionRows } from '../../shared/domain/import/plan-composition';
import { dictionaryRows } from '../../shared/domain/import/preview-parts';
import { slugFor } from '../../shared/domain/import/suggest-indicator';
import { themeOf } from '../../shared/domain/import/theme-of';
import type { ParsedCell } from '../../shared/domain/numbers/parsed-cell';
import { parsePeriod, type PeriodRange } from '../../shared/domain/period';
import { aliasKey } from '../../shared/domain/text/alias-key';
import type { ImportWrites } from '../store/queries/import-writes';

/**
 * Turns the walk's events into rows: areas created with their CBS parents, confirmed aliases
 * remembered, indicators created on first use (new ones flagged for review), and every figure with
 * its cell, raw text, sign, qualifier and range. It writes exactly what the preview counted: the
 * same plan, the same walk, and the collector's verdict on duplicates. It never commits — the
 * import job holds the transaction.
 */
export interface WriterCounts {
  observations: number;
  areasCreated: number;
  aliasesRemembered: number;
  indicatorsNew: number;
  definitions: number;
  members: number;
  /** Figures left out: text in a figure column, no period, an area not imported. */
  skippedFigures: number;
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

interface ObservationValue {
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  sign: string | null;
}

/** A parsed cell as the observation columns hold it; null for text (never a figure). */
export function observationValue(p: ParsedCell, provisionalPeriod: boolean): ObservationValue | null {
  if (p.kind === 'number') {
    return { value: p.value, low: p.low ?? null, high: p.high ?? null, qualifier: p.qualifier ?? null, sign: p.sign ?? (provisionalPeriod ? 'provisional' : null) };
  }
  if (p.kind === 'sign') return { value: p.value, low: null, high: null, qualifier: null, sign: p.sign };
  return null;
}

const COUNTRY = 'NL00';

export class ImportWriter {
  readonly counts: WriterCounts = { observations: 0, areasCreated: 0, aliasesRemembered: 0, indicatorsNew: 0, definitions: 0, members: 0, skippedFigures: 0 };
  /** Areas that received figures (or memberships), and the ones this import created (with parents that got none). */
  readonly areasWritten = new Set<number>();
  readonly areasCreatedIds = new Set<number>();
  private prepared!: PreparedImport;
  private currentArea: number | null = null;
  private readonly measureIndicator = new Map<number, number>();
  private readonly periods = new Map<string, PeriodRange | null>();
  private readonly remembered = new Set<string>();
  /** Areas this import created without a name (parents known only by code): named when their own row comes. */
  private readonly unnamed = new Set<string>();
  private breakdownLabels: string[] = [];

  constructor(private readonly o: WriterOptions) {}

  start(prepared: PreparedImport): void {
    this.prepared = prepared;
    const headers = new Map(prepared.plan.headers.map((h) => [h.c, h.label]));
    this.breakdownLabels = prepared.plan.dimensions.map((c) => headers.get(c) ?? `kolom ${c + 1}`);
  }

  readonly sink: EventSink = (event, duplicate, grid) => {
    if (event.kind === 'area') this.area(event, duplicate, grid);
    else this.figure(event, duplicate);
  };

  /** Creates the area (and its missing parents, from the code) when the store does not have it. */
  private ensureArea(code: string, name: string | null, parentNames: ReadonlyMap<CbsLevel, string>): number {
    const existing = this.o.areaIds.get(code);
    if (existing !== undefined) {
      if (name && this.unnamed.delete(code)) this.o.writes.renameArea(existing, name);
      return existing;
    }
    const level = levelOfCode(code);
    const parent = parentCode(code);
    const parentLevel = parent ? levelOfCode(parent) : null;
    const parentId = parent ? this.ensureArea(parent, (parentLevel && parentNames.get(parentLevel)) || (parent === COUNTRY ? 'Nederland' : null), parentNames) : null;
    const id = this.o.writes.insertArea({ code, name: name ?? code, kind: level ? LEVEL_KIND[level] : 'other', parentId });
    if (!name) this.unnamed.add(code);
    this.o.areaIds.set(code, id);
    this.areasCreatedIds.add(id);
    this.counts.areasCreated++;
    return id;
  }

  private parentNames(event: ExtractEvent, grid: Grid): Map<CbsLevel, string> {
    const out = new Map<CbsLevel, string>();
    for (const p of this.prepared.plan.area.parents ?? []) {
      const text = grid.cell(event.r, p.nameColumn).text.trim();
      if (text) out.set(p.level, text);
    }
    return out;
  }

  private area(event: Extract<ExtractEvent, { kind: 'area' }>, duplicate: boolean, grid: Grid): void {
    const a = event.area;
    this.currentArea = null;
    if (a.kind !== 'area' || a.needsConfirmation || duplicate) return;
    const name = event.isCode ? event.name : event.label;
    const id = this.ensureArea(a.code, name || null, this.parentNames(event, grid));
    this.currentArea = id;
    if (a.remember && !this.remembered.has(`${a.remember.context}\u0000${a.remember.alias}`)) {
      this.remembered.add(`${a.remember.context}\u0000${a.remember.alias}`);
      if (this.o.writes.insertAlias(aliasKey(a.remember.alias), a.remember.alias, id, a.remember.context)) this.counts.aliasesRemembered++;
    }
  }

  private period(text: string): PeriodRange | null {
    let p = this.periods.get(text);
    if (p === undefined) this.periods.set(text, (p = parsePeriod(text)));
    return p;
  }

  private indicatorFor(measure: number): number {
    const known = this.measureIndicator.get(measure);
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
    this.measureIndicator.set(measure, id);
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

  private figure(f: FigureRecord, duplicate: boolean): void {
    const areaId = this.currentArea;
    const v = observationValue(f.parsed, f.provisionalPeriod);
    const period = f.period === null ? null : this.period(f.period);
    if (areaId === null || duplicate || f.area.kind !== 'area' || f.area.needsConfirmation || !v || !period) {
      this.counts.skippedFigures++;
      return;
    }
    this.o.writes.addObservation({
      areaId,
      indicatorId: this.indicatorFor(f.measure),
      period: period.period,
      yearStart: period.yearStart,
      yearEnd: period.yearEnd,
      ...v,
      raw: f.raw,
      cell: cellAddress(f.r, f.c),
      breakdown: f.dimension === '' ? null : this.breakdown(f.dimension),
    });
    this.counts.observations++;
    this.areasWritten.add(areaId);
  }

  private breakdown(dimension: string): string {
    return dimension
      .split('\u0000')
      .map((v, i) => `${this.breakdownLabels[i] ?? ''}=${v}`)
      .join('; ');
  }

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
