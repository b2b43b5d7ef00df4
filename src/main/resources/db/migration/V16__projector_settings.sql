-- How the projector shows a session, chosen by its presenter on the board: a dark or a light theme, whether the QR
-- code is shown, and whether the number of participants who joined is.
ALTER TABLE training_session
    ADD COLUMN projector_theme             VARCHAR(8) NOT NULL DEFAULT 'DARK',
    ADD COLUMN projector_show_qr_code      BOOLEAN    NOT NULL DEFAULT TRUE,
    ADD COLUMN projector_show_participants BOOLEAN    NOT NULL DEFAULT FALSE;
