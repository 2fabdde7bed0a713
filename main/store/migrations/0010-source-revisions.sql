-- Issue 15, class 8: the same file (same bytes, same sheet) may be imported again as a revision
-- when its earlier import left figures out (areas not yet in the store, say). The earlier source
-- stays, its replaced figures kept as history; so (sha256, sheet) is no longer unique. The import
-- still recognises the same file by it (the latest revision), and refuses to add nothing twice.
DROP INDEX source_same_file;
CREATE INDEX source_same_file ON source (sha256, sheet) WHERE sha256 IS NOT NULL;
