-- Schema version 5: figures are found area first; the periods a source holds are listed apart.
-- Never edit a released migration: add a new numbered file.
--
-- 1. observation_current (indicator, period, area) goes. An import brings figures area after area,
--    so that index could not be kept up to date while a national CBS workbook (two million
--    figures) loads: it was set aside and sorted again at the end, a second of every such import
--    and a fifth of what it wrote to disk. Every lookup it served is area first or can be:
--    observation_area (area, indicator, period) answers an area's figures, a set of areas × a set
--    of indicators (the compare grid, the scenarios' latest figures) and, driven from `area`, one
--    indicator across all areas (one seek per area). observation_area and observation_source grow
--    at their end while a file loads, so they stay live.
-- 2. source_period: the periods each source has figures for (a few rows a source). The status
--    line's latest period is read from it: the latest period of a source that still has a current
--    figure in it, one index walk instead of one lookup per indicator.
DROP INDEX observation_current;

CREATE TABLE source_period (
  source_id  INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  period     TEXT NOT NULL,
  year_start INTEGER NOT NULL,
  year_end   INTEGER NOT NULL,
  PRIMARY KEY (source_id, period)
) WITHOUT ROWID;
CREATE INDEX source_period_latest ON source_period (year_end, year_start, source_id);

INSERT OR IGNORE INTO source_period (source_id, period, year_start, year_end)
  SELECT DISTINCT source_id, period, year_start, year_end FROM observation;
