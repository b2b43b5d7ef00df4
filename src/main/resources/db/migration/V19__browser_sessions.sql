-- Staff browser sessions, in the database so that every instance of a cluster knows them and a logout ends one
-- everywhere at once. Only the SHA-256 of the cookie's token is stored; a session unused for the idle timeout is over.
CREATE TABLE browser_session (
    id           CHAR(36)    NOT NULL PRIMARY KEY,
    token_hash   CHAR(64)    COLLATE utf8mb4_bin NOT NULL,
    user_id      CHAR(36)    NOT NULL,
    csrf_token   VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    started_at   DATETIME(6) NOT NULL,
    last_seen_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_browser_session_hash UNIQUE (token_hash),
    CONSTRAINT fk_browser_session_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE,
    INDEX ix_browser_session_last_seen (last_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
