-- A session's team: staff members its owner (or an admin) added, each with one role in the session. Co-presenters
-- run the board (moderation, hashtag sources, going live and ending); communicators keep the media and make the
-- highlights. The owner is not a row here: ownership stays on training_session.
CREATE TABLE session_team_member (
    id         CHAR(36)    NOT NULL PRIMARY KEY,
    session_id CHAR(36)    NOT NULL,
    staff_id   CHAR(36)    NOT NULL,
    role       VARCHAR(20) NOT NULL,
    added_by   VARCHAR(64) NOT NULL,
    added_at   DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uq_session_team_member UNIQUE (session_id, staff_id),
    CONSTRAINT fk_session_team_member_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_team_member_staff FOREIGN KEY (staff_id) REFERENCES staff_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_session_team_member_role CHECK (role IN ('CO_PRESENTER', 'COMMUNICATOR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "the sessions I am on the team of", for the Sessions page
CREATE INDEX ix_session_team_member_staff ON session_team_member (staff_id);
