-- Highlights (curated stories from a session, reviewed by compliance, then published) and the audit trail.

-- A trainee agreed that published highlights may quote them under their display name.
ALTER TABLE participant ADD COLUMN quote_by_name BOOLEAN NOT NULL DEFAULT FALSE;

-- The audit trail: appended, never updated or deleted. Each entry carries the hash of the one before, so a row changed
-- behind the application's back breaks the chain at that row. Grant the application INSERT and SELECT only here.
CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    recorded_at  DATETIME(6)  NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    subject_type VARCHAR(30)  NOT NULL,
    subject_id   VARCHAR(64)  NOT NULL,
    session_id   CHAR(36)     NULL,
    detail       TEXT         NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_audit_entry_subject ON audit_entry (subject_type, subject_id);

-- The end of the chain, one row: appends lock it, so entries get consecutive numbers and each the hash before it.
CREATE TABLE audit_head (
    id   TINYINT  NOT NULL PRIMARY KEY,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE highlight (
    id                  CHAR(36)      NOT NULL PRIMARY KEY,
    session_id          CHAR(36)      NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    summary             VARCHAR(500)  NULL,
    body_html           MEDIUMTEXT    NULL,
    author_notes        VARCHAR(2000) NULL,
    author_id           CHAR(36)      NOT NULL,
    author_name         VARCHAR(120)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    publish_on_approval BOOLEAN       NOT NULL DEFAULT TRUE,
    -- the screening findings of the last submission with the author's reasons for going ahead, JSON
    screening           MEDIUMTEXT    NULL,
    -- everyone who edited or submitted it since its last review decision: none of them may decide on it
    contributors        VARCHAR(2000) NULL,
    submitted_at        DATETIME(6)   NULL,
    submitted_hash      CHAR(64)      NULL,
    approved_hash       CHAR(64)      NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_highlight_session FOREIGN KEY (session_id) REFERENCES training_session (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_highlight_session ON highlight (session_id);
CREATE INDEX ix_highlight_status ON highlight (status, submitted_at);

-- What a highlight shows besides its text, in order: a question or feedback quoted (verbatim or paraphrased), or a
-- photo or video. permission: for a post from a network, its author's permission to be quoted verbatim. Rewritten
-- whole when the highlight is edited, so no key on the position.
CREATE TABLE highlight_part (
    highlight_id        CHAR(36)      NOT NULL,
    position            INT           NOT NULL,
    kind                VARCHAR(10)   NOT NULL,
    ref_id              CHAR(36)      NOT NULL,
    quote_mode          VARCHAR(12)   NULL,
    paraphrase          VARCHAR(1000) NULL,
    permission          VARCHAR(10)   NULL,
    permission_evidence VARCHAR(500)  NULL,
    CONSTRAINT fk_highlight_part_highlight FOREIGN KEY (highlight_id) REFERENCES highlight (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_highlight_part_highlight ON highlight_part (highlight_id, position);
CREATE INDEX ix_highlight_part_ref ON highlight_part (ref_id);

-- Every review decision, with how long the highlight waited for it.
CREATE TABLE highlight_review (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    highlight_id   CHAR(36)      NOT NULL,
    reviewer_id    CHAR(36)      NOT NULL,
    reviewer_name  VARCHAR(120)  NOT NULL,
    decision       VARCHAR(10)   NOT NULL,
    comment        VARCHAR(2000) NULL,
    rendition_hash CHAR(64)      NOT NULL,
    submitted_at   DATETIME(6)   NOT NULL,
    decided_at     DATETIME(6)   NOT NULL,
    CONSTRAINT fk_highlight_review_highlight FOREIGN KEY (highlight_id) REFERENCES highlight (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_highlight_review_highlight ON highlight_review (highlight_id, decided_at);

-- What the public sees: the approved rendition as it was published, kept apart from the working copy so an edit
-- waits for review while the approved version stays up. GONE answers 410.
CREATE TABLE highlight_publication (
    highlight_id   CHAR(36)     NOT NULL PRIMARY KEY,
    session_id     CHAR(36)     NOT NULL,
    title          VARCHAR(200) NOT NULL,
    summary        VARCHAR(500) NULL,
    html           MEDIUMTEXT   NOT NULL,
    image_media_id CHAR(36)     NULL,
    image_alt      VARCHAR(1000) NULL,
    rendition_hash CHAR(64)     NOT NULL,
    state          VARCHAR(8)   NOT NULL,
    published_at   DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    gone_reason    VARCHAR(200) NULL,
    CONSTRAINT fk_highlight_publication_highlight FOREIGN KEY (highlight_id) REFERENCES highlight (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_highlight_publication_live ON highlight_publication (state, published_at);

-- What a publication shows besides its text: the pictures (the only media with public URLs) and the quoted
-- questions and feedback, so that a withdrawal of any of them takes the publication down.
CREATE TABLE highlight_publication_part (
    highlight_id CHAR(36)    NOT NULL,
    ref_id       CHAR(36)    NOT NULL,
    kind         VARCHAR(10) NOT NULL,
    PRIMARY KEY (highlight_id, ref_id),
    CONSTRAINT fk_publication_part_publication FOREIGN KEY (highlight_id)
        REFERENCES highlight_publication (highlight_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_publication_part_ref ON highlight_publication_part (ref_id);
