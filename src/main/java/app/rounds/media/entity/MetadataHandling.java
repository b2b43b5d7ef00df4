package app.rounds.media.entity;

/** What was done about a stored file's hidden metadata (EXIF, GPS, XMP, IPTC, container tags). */
public enum MetadataHandling {
    /**
     * Nothing but the content was kept: a photo re-encoded from its pixels; a video's container rewritten without
     * re-encoding and read back without finding a location, device or creation time.
     */
    REMOVED,
    /** Kept as uploaded, the note says why; never publishable. */
    NOT_REMOVED
}
