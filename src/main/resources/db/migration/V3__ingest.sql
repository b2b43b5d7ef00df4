-- Hashtag ingestion: sources per session (Mastodon, Bluesky, signed webhooks, feeds), the posts taken from them, and
-- where a question came from.

ALTER TABLE question
    ADD COLUMN origin        VARCHAR(16)   NOT NULL DEFAULT 'WEB' AFTER author_name,
    ADD COLUMN author_handle VARCHAR(200)  NULL AFTER origin,
    ADD COLUMN original_url  VARCHAR(1000) NULL AFTER author_handle,
    DROP CONSTRAINT ck_question_status;

ALTER TABLE question
    ADD CONSTRAINT ck_question_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'HIDDEN', 'WITHDRAWN')),
    ADD CONSTRAINT ck_question_origin CHECK (origin IN ('WEB', 'MASTODON', 'BLUESKY', 'WEBHOOK', 'FEED'));

-- What hashtag posts that are neither questions nor feedback become: QUESTION or IGNORE.
ALTER TABLE training_session
    ADD COLUMN other_posts VARCHAR(16) NOT NULL DEFAULT 'QUESTION' AFTER moderation_mode,
    ADD CONSTRAINT ck_training_session_other_posts CHECK (other_posts IN ('QUESTION', 'IGNORE'));

-- Feedback from a post (#feedback with a rating): no participant, its author's handle instead (one per author).
ALTER TABLE feedback
    MODIFY participant_id CHAR(36) NULL,
    ADD COLUMN origin        VARCHAR(16)   NOT NULL DEFAULT 'WEB' AFTER participant_id,
    ADD COLUMN author_handle VARCHAR(200)  NULL AFTER origin,
    ADD COLUMN original_url  VARCHAR(1000) NULL AFTER author_handle,
    ADD CONSTRAINT uq_feedback_author UNIQUE (session_id, author_handle);

CREATE TABLE ingest_source (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    session_id      CHAR(36)      NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    label           VARCHAR(100)  NOT NULL,
    base_url        VARCHAR(500)  NULL,
    -- AES-GCM under ROUNDS_SECRETS_KEY: an access token, an app password or a webhook signing secret
    credential      VARCHAR(1000) NULL,
    account         VARCHAR(200)  NULL,
    enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
    state           VARCHAR(16)   NOT NULL,
    -- where the next poll starts (Mastodon min_id, Bluesky cursor), saved with the contributions it covers
    cursor_value    VARCHAR(1000) NULL,
    etag            VARCHAR(500)  NULL,
    last_modified   VARCHAR(100)  NULL,
    failures        INT           NOT NULL DEFAULT 0,
    last_success_at DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    last_error_at   DATETIME(6)   NULL,
    next_poll_at    DATETIME(6)   NULL,
    newest_post_at  DATETIME(6)   NULL,
    created_by      CHAR(36)      NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_ingest_source_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT ck_ingest_source_kind CHECK (kind IN ('MASTODON', 'BLUESKY', 'WEBHOOK', 'FEED')),
    CONSTRAINT ck_ingest_source_state CHECK (state IN ('RUNNING', 'BACKING_OFF', 'FAILING', 'STOPPED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_ingest_source_session ON ingest_source (session_id, created_at);

-- One row per original post and session, whichever source or instance it came through: the same post seen twice is
-- one contribution. Keyed by the SHA-256 of its canonical URI (a status uri, an at:// URI, a webhook's post id).
CREATE TABLE ingested_post (
    session_id      CHAR(36)      NOT NULL,
    uri_hash        CHAR(64)      NOT NULL,
    uri             VARCHAR(2000) NOT NULL,
    source_id       CHAR(36)      NULL,
    -- what it became: QUESTION or FEEDBACK (with its id), or nothing (the session ignores such posts, or deleted)
    contribution_kind VARCHAR(16) NULL,
    contribution_id CHAR(36)      NULL,
    content_hash    CHAR(64)      NOT NULL,
    deleted         BOOLEAN       NOT NULL DEFAULT FALSE,
    first_seen_at   DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (session_id, uri_hash),
    CONSTRAINT fk_ingested_post_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_ingested_post_source FOREIGN KEY (source_id) REFERENCES ingest_source (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A source's own id for a post (a Mastodon instance's status id), so that its streaming API's delete events, which name
-- only that id, find the post.
CREATE TABLE source_post_id (
    source_id  CHAR(36)      NOT NULL,
    local_id   VARCHAR(100)  COLLATE utf8mb4_bin NOT NULL,
    uri        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (source_id, local_id),
    CONSTRAINT fk_source_post_id_source FOREIGN KEY (source_id) REFERENCES ingest_source (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Webhook message ids already accepted (Standard Webhooks: the id is the idempotency key).
CREATE TABLE webhook_message (
    source_id   CHAR(36)     NOT NULL,
    message_id  VARCHAR(200) COLLATE utf8mb4_bin NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (source_id, message_id),
    CONSTRAINT fk_webhook_message_source FOREIGN KEY (source_id) REFERENCES ingest_source (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
