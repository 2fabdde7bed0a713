-- Schema version 8: area boundaries for maps (the CBS wijk- en buurtkaart, imported by the analyst).
-- Never edit a released migration: add a new numbered file.
--
-- A boundary file is recorded as a boundary_set (file, sha256, the year of the boundaries, the
-- coordinate system it was read in). Each feature becomes a boundary row keyed by its CBS code and
-- year; the area_code is text, not a reference to area, because a national file holds thousands of
-- areas the store may not (yet) hold figures for: features are matched to areas by code when read.
-- Geometry is GeoJSON text in WGS84 (reprojected from RD New where needed), simplified for display
-- (about a metre), with its bounding box beside it so a map can be framed without parsing it.
CREATE TABLE boundary_set (
  id             INTEGER PRIMARY KEY,
  year           INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  format         TEXT NOT NULL CHECK (format IN ('geojson', 'topojson', 'geopackage')),
  crs            TEXT NOT NULL,                 -- 'EPSG:28992' or 'EPSG:4326', as read
  layers         TEXT NOT NULL,                 -- JSON array of the layers/objects read
  features_read  INTEGER NOT NULL,
  features_kept  INTEGER NOT NULL,
  imported_at    TEXT NOT NULL
);

CREATE TABLE boundary (
  id         INTEGER PRIMARY KEY,
  set_id     INTEGER NOT NULL REFERENCES boundary_set (id) ON DELETE CASCADE,
  area_code  TEXT NOT NULL,                     -- GM0344, WK034401, BU03440101
  year       INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('municipality', 'district', 'neighbourhood')),
  name       TEXT,                              -- the name the file gives
  geometry   TEXT NOT NULL,                     -- GeoJSON Polygon or MultiPolygon, WGS84
  min_lon    REAL NOT NULL,
  min_lat    REAL NOT NULL,
  max_lon    REAL NOT NULL,
  max_lat    REAL NOT NULL,
  CHECK (min_lon <= max_lon AND min_lat <= max_lat)
);
-- One outline per area and year: a later import of the same year replaces it.
CREATE UNIQUE INDEX boundary_code_year ON boundary (area_code, year);
CREATE INDEX boundary_kind_year ON boundary (kind, year);
CREATE INDEX boundary_by_set ON boundary (set_id);
