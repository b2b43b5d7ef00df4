-- Re-checks per source, and their end. Each source's due posts are looked for on their own (one source with many
-- overdue posts no longer fills the window of every other), and Rounds stops asking about a post some days after its
-- session ended, unless a highlight still quotes it.

ALTER TABLE ingested_post
    -- when Rounds stopped asking about it in the background; NULL while it asks (a confirmation asks again)
    ADD COLUMN watch_ended_at DATETIME(6) NULL;

-- due posts of one source; and of sources stopped or removed (by kind)
CREATE INDEX ix_ingested_post_recheck_source ON ingested_post (source_id, deleted, watch_ended_at, next_check_at);
DROP INDEX ix_ingested_post_recheck ON ingested_post;
CREATE INDEX ix_ingested_post_recheck ON ingested_post (source_kind, deleted, watch_ended_at, next_check_at);
