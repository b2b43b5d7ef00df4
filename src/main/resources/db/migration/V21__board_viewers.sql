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
