-- Wijkverkenner store, schema version 1. Never edit a released migration: add a new numbered file.
-- Every figure (observation) points to the source row it came from and the cell/locator within it.

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE source (
  id                   INTEGER PRIMARY KEY,
  kind                 TEXT NOT NULL CHECK (kind IN ('file', 'document', 'seed')),
  title                TEXT NOT NULL,            -- file name, or the citation of a document
  file_name            TEXT,
  sha256               TEXT,
  sheet                TEXT,
  url                  TEXT,
  publisher            TEXT,
  published_on         TEXT,                     -- ISO date of the document, where known
  imported_at          TEXT NOT NULL,
  mapping_json         TEXT,                     -- the recipe used, for files
  rows_read            INTEGER,
  observations_written INTEGER,
  note                 TEXT,                     -- the analyst's note
  supersedes_source_id INTEGER REFERENCES source (id)
);
-- The same file (same bytes, same sheet) is recognised, not imported twice.
CREATE UNIQUE INDEX source_same_file ON source (sha256, sheet) WHERE sha256 IS NOT NULL;

CREATE TABLE area (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,               -- GM0363, WK036301, BU03630101, NL00, NPLV01, NPLV
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('country', 'municipality', 'district', 'neighbourhood',
                                           'focus_area', 'programme', 'other')),
  parent_id  INTEGER REFERENCES area (id),
  source_id  INTEGER REFERENCES source (id),     -- where the area's definition comes from
  created_at TEXT NOT NULL
);
CREATE INDEX area_parent ON area (parent_id);

-- Spelling variants and publisher-specific codes ("'s-Gravenhage", BBGA's "T" for Zuidoost).
-- context '' applies everywhere; a publisher context (e.g. 'bbga') applies only to files of that kind.
CREATE TABLE area_alias (
  alias_norm TEXT NOT NULL,
  alias      TEXT NOT NULL,
  area_id    INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  context    TEXT NOT NULL DEFAULT '',
  confirmed  INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1)),
  PRIMARY KEY (alias_norm, context, area_id)
);
CREATE INDEX area_alias_area ON area_alias (area_id);

-- A focus area's composition in CBS districts/neighbourhoods: proposals until the analyst confirms.
CREATE TABLE area_member (
  focus_area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  member_id     INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  status        TEXT NOT NULL DEFAULT 'proposal' CHECK (status IN ('proposal', 'confirmed')),
  code_year     INTEGER,
  evidence_url  TEXT,
  note          TEXT,
  source_id     INTEGER REFERENCES source (id),
  PRIMARY KEY (focus_area_id, member_id)
);

CREATE TABLE indicator (
  id                    INTEGER PRIMARY KEY,
  code                  TEXT NOT NULL UNIQUE,     -- CBS short code where one exists (a_inw)
  name                  TEXT NOT NULL,            -- Dutch
  statline_name         TEXT,                     -- AantalInwoners_5
  theme                 TEXT NOT NULL CHECK (theme IN ('wonen', 'meedoen', 'veiligheid', 'financien',
                                                       'bevolking', 'overig')),
  unit                  TEXT NOT NULL,            -- count, percent, euro, per_1000_residents, ...
  aggregation           TEXT NOT NULL CHECK (aggregation IN ('sum', 'weighted_mean', 'none')),
  weight_indicator_code TEXT,                     -- for weighted_mean
  direction             TEXT NOT NULL DEFAULT 'neutral'
                          CHECK (direction IN ('higher_better', 'higher_worse', 'neutral')),
  definition            TEXT,
  default_source        TEXT,
  needs_review          INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1))
);

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
  qualifier     TEXT CHECK (qualifier IN ('about', 'nearly', 'at_least', 'at_most', 'more_than',
                                          'estimate')),
  -- CBS signs are data: '.' unknown, 'x' secret, '-' nil (a real zero), '*' provisional,
  -- '**' revised provisional, '0 (0,0)' less than half the unit, empty "cannot occur".
  sign          TEXT CHECK (sign IN ('unknown', 'secret', 'nil', 'provisional', 'revised_provisional',
                                     'less_than_half_unit', 'cannot_occur')),
  raw           TEXT,                             -- the cell's text as it stood in the file
  source_id     INTEGER NOT NULL REFERENCES source (id),
  cell          TEXT,                             -- A1 address, or a locator in a document
  superseded_by INTEGER REFERENCES observation (id),
  created_at    TEXT NOT NULL,
  CHECK (year_end >= year_start),
  -- A figure is a value, a range (low-high, e.g. 30,000 to 40,000) or a CBS sign; never nothing.
  CHECK (value IS NOT NULL OR sign IS NOT NULL OR (low IS NOT NULL AND high IS NOT NULL)),
  CHECK (low IS NULL OR high IS NULL OR low <= high)
);
-- Hot path: current figures for an area/indicator/period (compare grid, CLI observations).
CREATE INDEX observation_current ON observation (indicator_id, year_start, area_id)
  WHERE superseded_by IS NULL;
CREATE INDEX observation_area ON observation (area_id, indicator_id);
CREATE INDEX observation_source ON observation (source_id);

-- A saved import recipe, matched to files of the same shape next time.
CREATE TABLE mapping (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  signature    TEXT NOT NULL,
  recipe_json  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX mapping_signature ON mapping (signature);

CREATE TABLE funding_stream (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  ministry        TEXT,
  definition_json TEXT NOT NULL,
  source_id       INTEGER REFERENCES source (id)
);

CREATE TABLE scenario (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  template_id     TEXT,
  schema_version  INTEGER NOT NULL,
  definition_json TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

-- Saved comparison views and briefing tables.
CREATE TABLE saved_view (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('compare', 'briefing', 'chart')),
  state_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (kind, name)
);
