-- Feedback from posts: the post it reflects now. An author's later #feedback post replaces their feedback; deleting
-- or editing one of their earlier posts then changes nothing (it used to withdraw or overwrite the current one).
-- Rows from before this column stay NULL: any of their posts still acts on them, as before.

ALTER TABLE feedback ADD COLUMN post_uri VARCHAR(2000) NULL;
