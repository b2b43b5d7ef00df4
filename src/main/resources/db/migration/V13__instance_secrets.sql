-- Secrets an installation makes for itself when the operator gives none (the key signing device cookies), so that
-- they survive restarts and every instance on the database shares them. Base64 text.
CREATE TABLE instance_secret (
    name       VARCHAR(60)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(200) COLLATE utf8mb4_bin NOT NULL,
    created_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
