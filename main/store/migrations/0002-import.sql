-- Schema version 2 (import, issue 3). Never edit a released migration: add a new numbered file.
--
-- 1. observation gains `breakdown`: a file may give several figures for one area, indicator and
--    period, split by another key (CBS's maatwerk table per postcode: 'PC5=9901A'). It is part of
--    the figure's identity, so a re-import supersedes the figure with the same breakdown only.
-- 2. The table is rebuilt to add it, with its CHECKs written as OR-chains instead of IN (...) lists:
--    the same rules, but SQLite evaluates a CHECK's IN list by building a small table for every row,
--    which tripled the cost of inserting the millions of figures of a national CBS workbook.
-- 3. observation_area gains `period`: the lookup a re-import makes to supersede earlier figures.
-- 4. source remembers the layout and the saved mapping it was imported with (a changed file with
--    the same mapping supersedes earlier values) and the import report (counts and issues, as JSON).

-- Rebuild in the order that keeps the self-reference (superseded_by) valid at every step: the old
-- table steps aside under another name (taking its self-reference along), the new one is filled
-- in one statement (foreign keys are checked at its end), then the old one goes.
DROP INDEX observation_current;
DROP INDEX observation_area;
DROP INDEX observation_source;
ALTER TABLE observation RENAME TO observation_v1;

CREATE TABLE observation (
  id            INTEGER PRIMARY KEY,
  area_id       INTEGER NOT NULL REFERENCES area (id),
  indicator_id  INTEGER NOT NULL REFERENCES indicator (id),
  period        TEXT NOT NULL,                    -- '2024', '2023-2025', '2019-01-01'
  year_start    INTEGER NOT NULL,
  year_end      INTEGER NOT NULL,
  value         REAL,                             -- NULL when the sign says there is no figure
  low           REAL,
  high          REAL,
  qualifier     TEXT CHECK (qualifier IS NULL OR qualifier = 'about' OR qualifier = 'nearly'
                            OR qualifier = 'at_least' OR qualifier = 'at_most'
                            OR qualifier = 'more_than' OR qualifier = 'estimate'),
  -- CBS signs are data: '.' unknown, 'x' secret, '-' nil (a real zero), '*' provisional,
  -- '**' revised provisional, '0 (0,0)' less than half the unit, empty "cannot occur".
  sign          TEXT CHECK (sign IS NULL OR sign = 'unknown' OR sign = 'secret' OR sign = 'nil'
                            OR sign = 'provisional' OR sign = 'revised_provisional'
                            OR sign = 'less_than_half_unit' OR sign = 'cannot_occur'),
  raw           TEXT,                             -- the cell's text as it stood in the file
  source_id     INTEGER NOT NULL REFERENCES source (id),
  cell          TEXT,                             -- A1 address, or a locator in a document
  superseded_by INTEGER REFERENCES observation (id),
  created_at    TEXT NOT NULL,
  breakdown     TEXT,                             -- another key of the figure ('PC5=9901A'), or NULL
  CHECK (year_end >= year_start),
  -- A figure is a value, a range (low-high, e.g. 30,000 to 40,000) or a CBS sign; never nothing.
  CHECK (value IS NOT NULL OR sign IS NOT NULL OR (low IS NOT NULL AND high IS NOT NULL)),
  CHECK (low IS NULL OR high IS NULL OR low <= high)
);

INSERT INTO observation (id, area_id, indicator_id, period, year_start, year_end, value, low, high,
                         qualifier, sign, raw, source_id, cell, superseded_by, created_at)
  SELECT id, area_id, indicator_id, period, year_start, year_end, value, low, high,
         qualifier, sign, raw, source_id, cell, superseded_by, created_at
  FROM observation_v1;

DROP TABLE observation_v1;

-- Hot path: current figures for an area/indicator/period (compare grid, CLI observations).
CREATE INDEX observation_current ON observation (indicator_id, year_start, area_id)
  WHERE superseded_by IS NULL;
CREATE INDEX observation_area ON observation (area_id, indicator_id, period);
CREATE INDEX observation_source ON observation (source_id);

ALTER TABLE source ADD COLUMN layout TEXT;
ALTER TABLE source ADD COLUMN mapping_name TEXT;
ALTER TABLE source ADD COLUMN report_json TEXT;
CREATE INDEX source_file_sheet ON source (file_name, sheet);
