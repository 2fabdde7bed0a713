-- Schema version 9: a composite index definition saved with a comparison view.
-- Never edit a released migration: add a new numbered file.
--
-- The index (indicators, weights, reference set, how missing figures count) belongs to a saved
-- view (saved_view, kind 'compare'): it is deleted with it and follows it when it is renamed.
CREATE TABLE view_index (
  view_id         INTEGER PRIMARY KEY REFERENCES saved_view (id) ON DELETE CASCADE,
  definition_json TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
