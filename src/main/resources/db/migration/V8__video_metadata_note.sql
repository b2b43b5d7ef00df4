-- Videos are now stored without their container metadata (rewritten by ffmpeg, then checked). Those uploaded before
-- kept theirs: they stay NOT_REMOVED, which is never publishable, and their note now says what to do about it.
-- (V8, not V7: main has a V7 of its own since this branch began.)
UPDATE media_item
SET metadata_note = CONCAT('it was uploaded before Rounds removed the metadata of videos; ',
                           'upload the video again to store a copy without it, then delete this one.')
WHERE kind = 'VIDEO'
  AND metadata = 'NOT_REMOVED';
