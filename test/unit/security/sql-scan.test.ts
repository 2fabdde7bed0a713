import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/real-data';

/**
 * Nothing reaches SQL unparameterised: a scan of every TypeScript file under main/ and shared/.
 *
 * 1. A template literal whose text reads as SQL may interpolate only (a) a constant of the same
 *    file whose value is itself fixed SQL text (checked recursively), or (b) an expression on the
 *    allow-list below, each with the reason it cannot carry input. Values always go in as `?` or
 *    `@name` parameters.
 * 2. No SQL text is built with `+`.
 * 3. `db.prepare(x)` / `db.exec(x)` with a variable `x` is allowed only for the names listed.
 *
 * A new interpolation fails this test until its value is bound as a parameter, or it is added here
 * with its reason (table and column names cannot be parameters in SQLite).
 */
const ALLOWED_INTERPOLATIONS: Record<string, string> = {
  'main/store/queries/geopackage.ts | quoted': "a feature table's name read from the GeoPackage's own gpkg_contents, quoted as an identifier (tables cannot be bound)",
  'main/store/queries/briefings.ts | FIGURE_SELECT': 'the fixed SELECT of a figure, exported by observations.ts',
  'main/store/queries/map-figures.ts | FIGURE_SELECT': 'the fixed SELECT of a figure, exported by observations.ts',
  'main/store/queries/compare.ts | columns': 'one of two fixed column lists (FIGURE_COLUMNS, LEAN_FIGURE_COLUMNS) of the comparison\'s figure query',
  'main/store/queries/store-counts.ts | schema': "the type 'main' | 'wv_backup': the store or its attached backup copy",
  'main/store/queries/bulk-load.ts | table': 'table names from a fixed list of the tables a bulk load checks',
  'main/store/queries/bulk-load.ts | d.name.replace(/"/g, \'""\')': "index names read from sqlite_master (the store's own schema), quoted as identifiers",
  'main/store/queries/import-writes.ts | placeholders': "a list of '?' placeholders, one per bound value",
  "main/store/queries/import-writes.ts | inSourceRow('n', 's')": 'a fixed SQL fragment (rowid range test) with fixed table aliases',
  "main/store/queries/observation-writes.ts | Array(n).fill(row).join(', ')": "n copies of a fixed '(?, ?, …)' row of placeholders",
  'main/store/queries/observations.ts | ofOneSource': 'a fixed SQL fragment chosen by a boolean',
  'main/store/queries/source-extent.ts | param': "a parameter name ('@source' or '?') chosen by the caller in code, never input",
  'main/store/queries/source-periods.ts | inSourceRow()': 'a fixed SQL fragment (rowid range test)',
  'main/store/queries/sources.ts | inSourceRow()': 'a fixed SQL fragment (rowid range test)',
  "main/store/queries/sources.ts | ofSource('@source')": 'a fixed SQL fragment with a named parameter',
  'main/store/queries/sources.ts | SOURCE_SELECT': 'a constant SELECT of this file (its only interpolation is the fixed inSourceRow() fragment)',
  'main/store/queries/sources.ts | FIGURE_SELECT': 'the constant SELECT of a figure, imported from observations.ts',
};
/** `prepare(x)` / `exec(x)` with a variable: migrations' and the bulk load's own SQL, a constant. */
const ALLOWED_VARIABLE_SQL = new Set([
  // compare.ts caches prepared statements per connection: stmt(db, sql) is only called with the
  // file's own SQL constants (every value bound as a parameter).
  'main/store/queries/compare.ts | sql',
  'main/store/migrate.ts | m.sql', 'main/store/queries/bulk-load.ts | d.sql', 'main/store/queries/source-periods.ts | LATEST_PERIOD_SQL']);

const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|VACUUM|ATTACH|DETACH)\b[\s\S]*\b(FROM|INTO|TABLE|INDEX|SET|WHERE|VALUES|DATABASE)\b|\bPRAGMA\b|\bWHERE\b/;
const DB_RECEIVER = /(^|\.)(db|conn|copy|store|database|raw|target|source|writer)$/i;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : /\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

interface Finding {
  where: string;
  kind: 'interpolation' | 'concatenation' | 'variable';
  key: string;
}

function scan(): Finding[] {
  const findings: Finding[] = [];
  for (const file of [...tsFiles(path.join(repoRoot, 'main')), ...tsFiles(path.join(repoRoot, 'shared'))]) {
    const rel = path.relative(repoRoot, file).split(path.sep).join('/');
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const consts = new Map<string, ts.Expression>();
    const collect = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isVariableDeclarationList(n.parent) && (n.parent.flags & ts.NodeFlags.Const) !== 0) {
        consts.set(n.name.text, n.initializer);
      }
      ts.forEachChild(n, collect);
    };
    collect(sf);
    const fixedText = (e: ts.Expression, seen = new Set<string>()): boolean => {
      if (ts.isStringLiteralLike(e)) return true;
      if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => fixedText(s.expression, seen));
      if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return fixedText(e.expression, seen);
      if (ts.isIdentifier(e) && !seen.has(e.text)) {
        const init = consts.get(e.text);
        return init !== undefined && fixedText(init, new Set([...seen, e.text]));
      }
      return false;
    };
    const line = (n: ts.Node): string => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (ts.isTemplateExpression(n)) {
        const text = n.head.text + n.templateSpans.map((s) => s.literal.text).join(' ');
        if (SQL_WORDS.test(text)) {
          for (const span of n.templateSpans) {
            if (fixedText(span.expression)) continue;
            findings.push({ where: line(span), kind: 'interpolation', key: `${rel} | ${span.expression.getText(sf)}` });
          }
        }
      }
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        const parts = [n.left, n.right].filter((p) => ts.isStringLiteralLike(p) || ts.isTemplateExpression(p));
        if (parts.some((p) => SQL_WORDS.test(p.getText(sf)))) findings.push({ where: line(n), kind: 'concatenation', key: `${rel} | ${n.getText(sf).slice(0, 80)}` });
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['prepare', 'exec'].includes(n.expression.name.text)
        && DB_RECEIVER.test(n.expression.expression.getText(sf))) {
        const arg = n.arguments[0];
        if (arg && !ts.isStringLiteralLike(arg) && !ts.isTemplateExpression(arg) && !fixedText(arg)) {
          findings.push({ where: line(n), kind: 'variable', key: `${rel} | ${arg.getText(sf)}` });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return findings;
}

describe('SQL is parameterised', () => {
  const findings = scan();

  it('interpolates into SQL text only fixed fragments and the documented identifiers', () => {
    const unexplained = findings.filter((f) => f.kind === 'interpolation' && !(f.key in ALLOWED_INTERPOLATIONS));
    expect(unexplained.map((f) => `${f.where}: \${${f.key.split(' | ')[1]}} — bind it as a parameter, or add it to ALLOWED_INTERPOLATIONS with its reason`)).toEqual([]);
  });

  it('never builds SQL with +', () => {
    expect(findings.filter((f) => f.kind === 'concatenation').map((f) => `${f.where}: ${f.key}`)).toEqual([]);
  });

  it('passes prepare()/exec() a variable only for migrations, the bulk load and named constants', () => {
    expect(findings.filter((f) => f.kind === 'variable' && !ALLOWED_VARIABLE_SQL.has(f.key)).map((f) => `${f.where}: ${f.key}`)).toEqual([]);
  });

  it('finds what it is meant to find (the scan is not blind)', () => {
    const keys = new Set(findings.map((f) => f.key));
    // Entries of the allow-list that no longer occur are stale: remove them when the code goes.
    expect(Object.keys(ALLOWED_INTERPOLATIONS).filter((k) => !keys.has(k))).toEqual([]);
    expect([...ALLOWED_VARIABLE_SQL].filter((k) => !keys.has(k) && !k.endsWith('LATEST_PERIOD_SQL'))).toEqual([]);
  });
});
