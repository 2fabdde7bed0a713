-- Schema version 4: the latest period in the store, found without reading every figure.
--
-- The status line shows the latest period with current figures. Ordering all figures by period
-- read the whole table: 5 s on a store holding the national CBS workbook. With this index SQLite
-- reads from its end instead. A file's figures mostly share one period, so an import adds to the
-- index in order (cheap to keep up to date even during a bulk load, see bulk-load).
CREATE INDEX observation_period ON observation (year_end, year_start);
