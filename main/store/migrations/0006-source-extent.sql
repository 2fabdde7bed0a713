-- Schema version 6: a source's figures are found by their id range, not through an index.
-- Never edit a released migration: add a new numbered file.
--
-- An import writes all its figures in one transaction, one after another, so they take the ids
-- just above every figure already in the store: one unbroken range of rowids. source records that
-- range (first_observation_id, last_observation_id) and every read of "the figures of source S"
-- walks it as a rowid range, keeping the rows whose source_id is S. observation_source, which
-- answered the same question, had to grow by one entry per figure: on a national CBS workbook
-- (two million figures) that was about a tenth of the import's time and of what it wrote to disk.
--
-- The rule every writer of figures keeps (observation-writes, seed): each figure of source S has
-- an id within S's range. The range may hold other sources' figures too (the shipped dataset's
-- sources are interleaved), which the source_id test leaves out; it is never too narrow.
ALTER TABLE source ADD COLUMN first_observation_id INTEGER;
ALTER TABLE source ADD COLUMN last_observation_id INTEGER;

UPDATE source SET
  first_observation_id = (SELECT min(o.id) FROM observation o WHERE o.source_id = source.id),
  last_observation_id = (SELECT max(o.id) FROM observation o WHERE o.source_id = source.id);

DROP INDEX observation_source;
