-- Live polls, quizzes and word clouds: prepared by the session's presenters, opened one at a time, answered once per
-- participant (the answer can change until the poll closes).

CREATE TABLE poll (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    session_id         CHAR(36)     NOT NULL,
    position           INT          NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    title              VARCHAR(300) NOT NULL,
    -- the options in order, as JSON: [{"text": "...", "correct": true|false}]; correct only for a quiz
    options            TEXT         NULL,
    max_choices        INT          NULL,
    scale_max          TINYINT      NULL,
    low_label          VARCHAR(40)  NULL,
    high_label         VARCHAR(40)  NULL,
    -- the language whose stop words and plurals a word cloud folds
    language           CHAR(2)      NOT NULL DEFAULT 'en',
    time_limit_seconds INT          NULL,
    state              VARCHAR(8)   NOT NULL,
    results_shown      BOOLEAN      NOT NULL DEFAULT FALSE,
    opened_at          DATETIME(6)  NULL,
    closes_at          DATETIME(6)  NULL,
    closed_at          DATETIME(6)  NULL,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_poll_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT ck_poll_kind CHECK (kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'RATING', 'WORD_CLOUD', 'OPEN_TEXT',
                                            'QUIZ')),
    CONSTRAINT ck_poll_state CHECK (state IN ('PREPARED', 'OPEN', 'CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_poll_session ON poll (session_id, position);
-- the tick that closes timed quizzes looks for open polls past their time
CREATE INDEX ix_poll_closing ON poll (state, closes_at);

-- One answer per participant and poll: the chosen options (their positions, comma-separated) or a rating; free text
-- is in poll_entry. Quiz points are computed when the answer is given.
CREATE TABLE poll_answer (
    poll_id        CHAR(36)     NOT NULL,
    participant_id CHAR(36)     NOT NULL,
    choices        VARCHAR(200) NULL,
    rating         TINYINT      NULL,
    points         INT          NOT NULL DEFAULT 0,
    answered_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (poll_id, participant_id),
    CONSTRAINT fk_poll_answer_poll FOREIGN KEY (poll_id) REFERENCES poll (id) ON DELETE CASCADE,
    CONSTRAINT fk_poll_answer_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A word of a word cloud or an open-text answer: screened, and shown only when approved. A participant's entries are
-- replaced when they change their answer.
CREATE TABLE poll_entry (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    poll_id        CHAR(36)     NOT NULL,
    participant_id CHAR(36)     NOT NULL,
    text           VARCHAR(500) NOT NULL,
    -- a word cloud's folded form (case, accents, plural, stop words): entries with the same one are one word
    word           VARCHAR(100) NULL,
    status         VARCHAR(10)  NOT NULL,
    screening      TEXT         NULL,
    screening_notes TEXT        NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    CONSTRAINT fk_poll_entry_poll FOREIGN KEY (poll_id) REFERENCES poll (id) ON DELETE CASCADE,
    CONSTRAINT fk_poll_entry_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT ck_poll_entry_status CHECK (status IN ('PENDING', 'APPROVED', 'HIDDEN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_poll_entry_poll ON poll_entry (poll_id, participant_id);

-- Words a moderator took out of a word cloud: hidden now, and when anyone enters them again.
CREATE TABLE poll_hidden_word (
    poll_id CHAR(36)     NOT NULL,
    word    VARCHAR(100) NOT NULL,
    PRIMARY KEY (poll_id, word),
    CONSTRAINT fk_poll_hidden_word_poll FOREIGN KEY (poll_id) REFERENCES poll (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
