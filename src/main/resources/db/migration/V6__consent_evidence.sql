-- A scanned consent form (PDF, JPEG or PNG) as the evidence of a consent: stored by its SHA-256 beside the media
-- files, kept exactly as uploaded (evidence is not re-encoded), never public.
ALTER TABLE media_consent
    ADD COLUMN evidence_sha256 CHAR(64)     NULL,
    ADD COLUMN evidence_type   VARCHAR(100) NULL,
    ADD COLUMN evidence_name   VARCHAR(255) NULL;

CREATE INDEX ix_media_consent_evidence ON media_consent (evidence_sha256);
