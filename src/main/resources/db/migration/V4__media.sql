-- The session media library: stored files by content hash, the items staff see with their thumbnails, and the
-- consent of every person pictured.

-- A stored file, named by the SHA-256 of its bytes under ROUNDS_MEDIA_DIR. original_sha256: the upload it was made
-- from (a re-encoded photo differs from its upload), so the same upload again is recognised without decoding it.
CREATE TABLE media_blob (
    sha256          CHAR(64)     NOT NULL PRIMARY KEY,
    original_sha256 CHAR(64)     NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_media_blob_original ON media_blob (original_sha256);

CREATE TABLE media_item (
    id                     CHAR(36)      NOT NULL PRIMARY KEY,
    session_id             CHAR(36)      NOT NULL,
    kind                   VARCHAR(8)    NOT NULL,
    blob_sha256            CHAR(64)      NOT NULL,
    small_sha256           CHAR(64)      NULL,
    large_sha256           CHAR(64)      NULL,
    file_name              VARCHAR(255)  NULL,
    width                  INT           NULL,
    height                 INT           NULL,
    duration_millis        BIGINT        NULL,
    -- what was done about hidden metadata: REMOVED (re-encoded) or NOT_REMOVED (with the reason)
    metadata               VARCHAR(16)   NOT NULL,
    metadata_note          VARCHAR(500)  NULL,
    caption                VARCHAR(1000) NULL,
    alt_text               VARCHAR(1000) NULL,
    photographer           VARCHAR(200)  NULL,
    taken_at               DATETIME(6)   NULL,
    tags                   VARCHAR(1000) NULL,
    -- staff decided that nobody can be recognised in it: it needs no consent records
    no_identifiable_people BOOLEAN       NOT NULL DEFAULT FALSE,
    uploaded_by            CHAR(36)      NULL,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_media_item_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_media_item_blob FOREIGN KEY (blob_sha256) REFERENCES media_blob (sha256),
    CONSTRAINT fk_media_item_small FOREIGN KEY (small_sha256) REFERENCES media_blob (sha256),
    CONSTRAINT fk_media_item_large FOREIGN KEY (large_sha256) REFERENCES media_blob (sha256),
    CONSTRAINT ck_media_item_kind CHECK (kind IN ('PHOTO', 'VIDEO')),
    CONSTRAINT ck_media_item_metadata CHECK (metadata IN ('REMOVED', 'NOT_REMOVED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_media_item_session ON media_item (session_id, created_at);
-- the same file uploaded to a session again is the same item
CREATE UNIQUE INDEX uq_media_item_blob ON media_item (session_id, blob_sha256);

-- One record per identifiable person in an item: who, their relation, what they agreed to and its state, and the
-- evidence. A patient needs a signed authorisation on record besides a public consent.
CREATE TABLE media_consent (
    id                   CHAR(36)      NOT NULL PRIMARY KEY,
    media_id             CHAR(36)      NOT NULL,
    person               VARCHAR(200)  NOT NULL,
    relation             VARCHAR(16)   NOT NULL,
    scope                VARCHAR(16)   NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    signed_authorisation BOOLEAN       NOT NULL DEFAULT FALSE,
    evidence_note        VARCHAR(1000) NULL,
    recorded_by          CHAR(36)      NULL,
    recorded_at          DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_media_consent_item FOREIGN KEY (media_id) REFERENCES media_item (id) ON DELETE CASCADE,
    CONSTRAINT ck_media_consent_relation CHECK (relation IN ('STAFF', 'TRAINEE', 'PATIENT', 'VISITOR')),
    CONSTRAINT ck_media_consent_scope CHECK (scope IN ('INTERNAL', 'PUBLIC')),
    CONSTRAINT ck_media_consent_status CHECK (status IN ('PENDING', 'GRANTED', 'WITHDRAWN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_media_consent_item ON media_consent (media_id, recorded_at);

-- Every consent change, appended, never updated: who changed what, when. No foreign keys: it outlives the item.
CREATE TABLE media_consent_change (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    consent_id  CHAR(36)      NOT NULL,
    media_id    CHAR(36)      NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    scope       VARCHAR(16)   NOT NULL,
    changed_by  CHAR(36)      NULL,
    changed_at  DATETIME(6)   NOT NULL,
    note        VARCHAR(1000) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
