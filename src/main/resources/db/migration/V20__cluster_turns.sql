-- Chores one instance of a cluster does for all (the media sweep): the instance that comes first after a chore's
-- interval takes the turn in its row; the others skip it. turns counts the turns taken since first_taken_at.
CREATE TABLE cluster_turn (
    chore          VARCHAR(40) NOT NULL PRIMARY KEY,
    first_taken_at DATETIME(6) NULL,
    last_taken_at  DATETIME(6) NULL,
    turns          BIGINT      NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
