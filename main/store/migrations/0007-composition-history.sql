-- Schema version 7 (issue 12): focus-area compositions keep their history and their evidence.
-- Never edit a released migration: add a new numbered file.
--
-- 1. area_member gains `quote`: the short quote from the public page (evidence_url) that names the
--    member, as the shipped proposals give it. `note` keeps the basis ("genoemd door bron").
-- 2. area_member_change: every change to a focus area's composition (the shipped proposals, an
--    import, the analyst's set/add/remove/confirm) with the member list after it, so what a
--    composition was at any time can be read back. Who changed it is not recorded (one analyst).
ALTER TABLE area_member ADD COLUMN quote TEXT;

CREATE TABLE area_member_change (
  id            INTEGER PRIMARY KEY,
  focus_area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
  at            TEXT NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('seed', 'import', 'set', 'add', 'remove', 'confirm')),
  members_json  TEXT NOT NULL             -- [{"code": "WK034403", "status": "proposal"}, …] after the change
);
CREATE INDEX area_member_change_area ON area_member_change (focus_area_id, id);
