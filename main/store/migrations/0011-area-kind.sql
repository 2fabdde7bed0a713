-- Schema version 11: areas by kind. The comparison asks for "the 20 focus areas" and "the programme"
-- on every run; without this index each asks a full scan of the area table (17,000 rows with every
-- Dutch neighbourhood: 2–5 ms each time).
-- Never edit a released migration: add a new numbered file.
CREATE INDEX area_kind ON area (kind, code);
