-- Schema version 4: the latest period in the store, found without reading every figure.
--
-- The status line shows the latest period with current figures. Ordering all figures by period
-- read the whole table: 5 s on a store holding the national CBS workbook. observation_current now
-- orders each indicator's current figures by period end, then start, so the latest period is one
-- index lookup per indicator. (A separate period index would do it too, but every import would
-- then keep one more index up to date.)
DROP INDEX observation_current;
CREATE INDEX observation_current ON observation (indicator_id, year_end, year_start, area_id)
  WHERE superseded_by IS NULL;
