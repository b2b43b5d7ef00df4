-- Re-checking ingested posts at their source. A polled Mastodon instance does not say when a post is deleted or
-- edited, and Bluesky's search never does: Rounds asks for each post it shows, on a schedule, and before a highlight
-- quoting it goes ahead.

ALTER TABLE ingested_post
    -- the kind of source that brought it (MASTODON, BLUESKY, WEBHOOK, FEED): only the first two can be asked again
    ADD COLUMN source_kind   VARCHAR(16)  NULL AFTER source_id,
    -- that source's own id for the post (a Mastodon status id), to ask it with
    ADD COLUMN local_id      VARCHAR(100) COLLATE utf8mb4_bin NULL AFTER source_kind,
    -- the edited_at the source last gave (Mastodon): a new one is an edit, even when the text reads the same
    ADD COLUMN edited_at     DATETIME(6)  NULL AFTER content_hash,
    ADD COLUMN checked_at    DATETIME(6)  NULL,
    -- when to ask again; NULL: at the next opportunity
    ADD COLUMN next_check_at DATETIME(6)  NULL;

UPDATE ingested_post p JOIN ingest_source s ON s.id = p.source_id SET p.source_kind = s.kind;
UPDATE ingested_post p JOIN source_post_id i ON i.source_id = p.source_id AND i.uri = p.uri SET p.local_id = i.local_id;

CREATE INDEX ix_ingested_post_recheck ON ingested_post (source_kind, deleted, next_check_at);
