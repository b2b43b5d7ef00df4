-- Questions trainees ask, their votes, feedback, and the board events that carry every change to the live board.

CREATE TABLE question (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    session_id      CHAR(36)      NOT NULL,
    participant_id  CHAR(36)      NULL,
    author_name     VARCHAR(60)   NULL,
    text            VARCHAR(1000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    answered        BOOLEAN       NOT NULL DEFAULT FALSE,
    pinned          BOOLEAN       NOT NULL DEFAULT FALSE,
    archived        BOOLEAN       NOT NULL DEFAULT FALSE,
    -- screening findings, for moderators only: JSON array of {start, end, reason, label}
    screening       TEXT          NULL,
    votes           INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_question_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_question_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE SET NULL,
    CONSTRAINT ck_question_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'HIDDEN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_question_session ON question (session_id, created_at);
CREATE INDEX ix_question_participant ON question (participant_id, created_at);

-- One vote per participant per question; the count lives on the question, updated in the same transaction.
CREATE TABLE question_vote (
    question_id    CHAR(36)    NOT NULL,
    participant_id CHAR(36)    NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (question_id, participant_id),
    CONSTRAINT fk_vote_question FOREIGN KEY (question_id) REFERENCES question (id) ON DELETE CASCADE,
    CONSTRAINT fk_vote_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A participant's rating of the session (1-5) and an optional comment; giving feedback again replaces it.
CREATE TABLE feedback (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    session_id     CHAR(36)      NOT NULL,
    participant_id CHAR(36)      NOT NULL,
    rating         TINYINT       NOT NULL,
    comment        VARCHAR(1000) NULL,
    screening      TEXT          NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    CONSTRAINT uq_feedback_participant UNIQUE (session_id, participant_id),
    CONSTRAINT fk_feedback_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_feedback_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT ck_feedback_rating CHECK (rating BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The first answer to a POST with an Idempotency-Key, per participant, returned again on a retry.
CREATE TABLE idempotent_request (
    participant_id  CHAR(36)      NOT NULL,
    idempotency_key VARCHAR(100)  COLLATE utf8mb4_bin NOT NULL,
    request_hash    CHAR(64)      NOT NULL,
    status          SMALLINT      NOT NULL,
    body            VARCHAR(8000) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (participant_id, idempotency_key),
    CONSTRAINT fk_idempotent_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each session has two board streams, MODERATION and PUBLIC, each with its own gap-free sequence. The row is locked
-- while a transaction appends, so sequence order is commit order.
CREATE TABLE board_stream (
    session_id CHAR(36)    NOT NULL,
    stream     VARCHAR(12) NOT NULL,
    last_seq   BIGINT      NOT NULL,
    PRIMARY KEY (session_id, stream),
    CONSTRAINT fk_board_stream_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE board_event (
    session_id CHAR(36)      NOT NULL,
    stream     VARCHAR(12)   NOT NULL,
    seq        BIGINT        NOT NULL,
    type       VARCHAR(40)   NOT NULL,
    payload    MEDIUMTEXT    NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (session_id, stream, seq),
    CONSTRAINT fk_board_event_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
