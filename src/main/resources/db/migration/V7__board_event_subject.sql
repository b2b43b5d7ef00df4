-- What a board event is about (a question's id), so that when it leaves a stream its earlier events on that stream
-- can be rewritten to carry no text: a replay must never re-send a question that is not public now.
ALTER TABLE board_event ADD COLUMN subject_id CHAR(36) NULL AFTER type;

UPDATE board_event SET subject_id = JSON_VALUE(payload, '$.id')
WHERE type IN ('contribution.created', 'contribution.updated', 'contribution.removed');

CREATE INDEX ix_board_event_subject ON board_event (session_id, stream, subject_id);

-- Events before a question left the public stream: the same rewrite, done once for what is already stored.
UPDATE board_event earlier
    JOIN board_event removal
      ON removal.session_id = earlier.session_id AND removal.stream = earlier.stream
     AND removal.subject_id = earlier.subject_id AND removal.type = 'contribution.removed'
     AND removal.seq > earlier.seq
SET earlier.type = 'contribution.removed', earlier.payload = JSON_OBJECT('id', earlier.subject_id)
WHERE earlier.stream = 'PUBLIC' AND earlier.type <> 'contribution.removed';
