-- Who changed each section of the contacts last, and when: { primary|billing|roles: { updatedAt, updatedBy } }.
-- Rows from before this migration start empty; the screens then show the last change of the
-- contacts as a whole.
ALTER TABLE contacts ADD COLUMN section_changes jsonb NOT NULL DEFAULT '{}'::jsonb;
