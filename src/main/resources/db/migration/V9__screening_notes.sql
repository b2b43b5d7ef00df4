-- Screening notes: what screening found but context lowered (a mannequin's "patient", a scenario card), shown to
-- moderators without holding the text. The held findings stay in `screening`, null when nothing holds the text.
ALTER TABLE question ADD COLUMN screening_notes MEDIUMTEXT NULL AFTER screening;
ALTER TABLE feedback ADD COLUMN screening_notes MEDIUMTEXT NULL AFTER screening;
