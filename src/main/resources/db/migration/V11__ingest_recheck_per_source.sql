-- Re-checks per source: each source's due posts are looked for on their own, so that one source with many overdue
-- posts no longer fills the window of every other.
CREATE INDEX ix_ingested_post_recheck_source ON ingested_post (source_id, deleted, next_check_at);
