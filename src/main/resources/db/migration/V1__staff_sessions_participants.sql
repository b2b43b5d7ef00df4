-- Staff accounts, their roles and the bearer tokens issued to scripts.
CREATE TABLE staff_user (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    -- sessions and bearer tokens from before the last password change no longer count
    credentials_changed_at DATETIME(6) NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_staff_user_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_role (
    user_id CHAR(36)    NOT NULL,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_staff_role_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE api_token (
    id         CHAR(36)    NOT NULL PRIMARY KEY,
    token_hash CHAR(64)    COLLATE utf8mb4_bin NOT NULL,
    user_id    CHAR(36)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    revoked    BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Training sessions. A hashtag is unique among sessions not yet ended: active_hashtag is NULL once a session
-- has ended (or has no hashtag), and a unique index allows any number of NULLs. hashtag_key is already lower-cased:
-- it is compared byte for byte, so that accents still tell hashtags apart.
CREATE TABLE training_session (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    facility        VARCHAR(200)  NULL,
    description     VARCHAR(4000) NULL,
    scheduled_start DATETIME(6)   NULL,
    scheduled_end   DATETIME(6)   NULL,
    hashtag         VARCHAR(60)   NULL,
    hashtag_key     VARCHAR(60)   COLLATE utf8mb4_bin NULL,
    moderation_mode VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    join_code       CHAR(8)       COLLATE utf8mb4_bin NOT NULL,
    owner_id        CHAR(36)      NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    started_at      DATETIME(6)   NULL,
    ended_at        DATETIME(6)   NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    active_hashtag  VARCHAR(60) COLLATE utf8mb4_bin AS (CASE WHEN status <> 'ENDED' THEN hashtag_key END) PERSISTENT,
    CONSTRAINT uq_training_session_join_code UNIQUE (join_code),
    CONSTRAINT uq_training_session_active_hashtag UNIQUE (active_hashtag),
    CONSTRAINT fk_training_session_owner FOREIGN KEY (owner_id) REFERENCES staff_user (id),
    CONSTRAINT ck_training_session_status CHECK (status IN ('SCHEDULED', 'LIVE', 'ENDED')),
    CONSTRAINT ck_training_session_moderation CHECK (moderation_mode IN ('PRE_MODERATION', 'POST_MODERATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_training_session_owner ON training_session (owner_id, created_at);

-- Trainees who joined a session with its code: pseudonymous, known only by the hash of their token.
CREATE TABLE participant (
    id           CHAR(36)    NOT NULL PRIMARY KEY,
    session_id   CHAR(36)    NOT NULL,
    token_hash   CHAR(64)    COLLATE utf8mb4_bin NOT NULL,
    display_name VARCHAR(60) NULL,
    joined_at    DATETIME(6) NOT NULL,
    CONSTRAINT uq_participant_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_participant_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
