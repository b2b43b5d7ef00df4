-- Reports (issue 19): what is recorded for them alone; everything else a report reads was recorded already.

-- How many board connections (trainees' live views, projectors, presenters' boards) each instance held for a session
-- in each minute: the most it saw in its samples. A session's report sums the instances of a minute for its viewers
-- over time and their peak.
CREATE TABLE board_viewers (
    session_id CHAR(36)    NOT NULL,
    at_minute  DATETIME    NOT NULL,
    instance   VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    viewers    INT         NOT NULL,
    PRIMARY KEY (session_id, at_minute, instance),
    CONSTRAINT fk_board_viewers_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How often each published highlight was read, per day (UTC) and way: its page viewed, a feed holding it fetched, its
-- embed loaded. Counted in memory and added here every minute or so by each instance: aggregates only, no address, no
-- user agent, no cookie.
CREATE TABLE highlight_reach (
    highlight_id CHAR(36)    NOT NULL,
    day          DATE        NOT NULL,
    kind         VARCHAR(8)  NOT NULL,
    read_count   BIGINT      NOT NULL,
    PRIMARY KEY (highlight_id, day, kind),
    CONSTRAINT fk_highlight_reach_highlight FOREIGN KEY (highlight_id) REFERENCES highlight (id) ON DELETE CASCADE,
    CONSTRAINT ck_highlight_reach_kind CHECK (kind IN ('PAGE', 'FEED', 'EMBED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
